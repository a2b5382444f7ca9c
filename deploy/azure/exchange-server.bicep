// The Azure side of the Exchange Server runner (deploy/exchange-server/README.md, PROTOCOL.md): an Automation account
// with the runbook Invoke-ExchangeCmdlet, the Hybrid Runbook Worker group the customer's Windows host joins, the two
// Automation variables the runbook reads, a Key Vault for the passwords the runbook passes to Exchange, and the roles:
// the bot starts and reads jobs, the worker machine reads that vault. Deployed by main.bicep when exchangeServer is
// true; deploy.sh then uploads the runbook's content and publishes it.
// The Bicep CLI was not available where this was written: `az bicep build --file deploy/azure/main.bicep` is its
// first check.

@description('Azure region of the resources.')
param location string

@description('Prefix of every resource name (main.bicep namePrefix).')
param namePrefix string

@description('Suffix that makes global names unique (main.bicep uniqueString of the resource group).')
param suffix string

@description('The Entra tenant of the Key Vault.')
param tenantId string

@description('Principal (object) id of the bot\'s user-assigned identity: it starts and reads the runbook\'s jobs, and writes the passwords the runbook reads.')
param botPrincipalId string

@description('Fully qualified name of the Exchange server whose http://<name>/PowerShell/ the runbook opens (Automation variable ExchangeRunnerServer).')
param exchangeServerName string

@description('Name of the Automation credential the worker group runs jobs as (a dedicated domain account); empty until it is created, then jobs run as Local System.')
param runAsCredential string

@description('Principal (object) id of the worker machine\'s system-assigned identity (Azure Arc); empty until the machine is connected.')
param workerPrincipalId string

var runbookName = 'Invoke-ExchangeCmdlet'
var workerGroupName = 'exchange-server'
// Built-in roles, ids from "Azure built-in roles" (learn.microsoft.com/azure/role-based-access-control/built-in-roles).
// Automation Job Operator: create, read, stop jobs and read their output and streams.
var automationJobOperator = '4fe576fe-1146-4730-92eb-48519fa6bf9f'
// Automation Runbook Operator: read the runbook's properties; "combined with the Automation Job Operator role" it lets
// the holder create jobs of that runbook (Azure Automation's role-based access control article). Granted on the
// runbook itself, as that article does.
var automationRunbookOperator = '5fb5aef8-1081-4b8e-bb16-9d5d0385bab5'
// Key Vault Secrets User: read secret contents (vaults with Azure RBAC).
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
// Key Vault Secrets Officer: any action on secrets except managing permissions.
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

// No managed identity: the runbook runs on the hybrid worker and signs in with the worker machine's identity.
// Public network access: the extension-based worker reaches the account over 443 at *.azure-automation.net (no private
// link here). Local authentication off: it only serves webhooks, DSC and agent-based workers, none used here.
resource account 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: '${namePrefix}-automation'
  location: location
  properties: {
    sku: {
      name: 'Basic'
    }
    publicNetworkAccess: true
    disableLocalAuth: true
  }
}

// Windows PowerShell 5.1 ('PowerShell'; 'PowerShell72' would be 7.2, which the Exchange session does not need). The
// content is not in the template: deploy.sh uploads deploy/exchange-server/Invoke-ExchangeCmdlet.ps1 and publishes it
// after every deployment.
resource runbook 'Microsoft.Automation/automationAccounts/runbooks@2023-11-01' = {
  parent: account
  name: runbookName
  location: location
  properties: {
    runbookType: 'PowerShell'
    description: 'Runs allow-listed Exchange Server cmdlets for the service-account bot (deploy/exchange-server/PROTOCOL.md).'
    logProgress: false
    logVerbose: false
  }
}

resource workerGroup 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups@2023-11-01' = {
  parent: account
  name: workerGroupName
  properties: empty(runAsCredential) ? {} : {
    credential: {
      name: runAsCredential
    }
  }
}

// A string variable's value is JSON: the quotes are part of it.
resource serverVariable 'Microsoft.Automation/automationAccounts/variables@2023-11-01' = {
  parent: account
  name: 'ExchangeRunnerServer'
  properties: {
    description: 'The Exchange server whose PowerShell endpoint the runbook opens.'
    isEncrypted: false
    value: '"${exchangeServerName}"'
  }
}

resource vaultVariable 'Microsoft.Automation/automationAccounts/variables@2023-11-01' = {
  parent: account
  name: 'ExchangeRunnerKeyVault'
  properties: {
    description: 'The Key Vault the runbook reads secret parameters from.'
    isEncrypted: false
    value: '"${vault.name}"'
  }
}

// Its own vault: the worker machine reads every secret in it, so it holds only the passwords the runbook passes to
// Exchange, never the bot's own credentials (those stay in main.bicep's vault).
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${namePrefix}-xr-${suffix}', 24)
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource botStartsJobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, botPrincipalId, automationJobOperator)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', automationJobOperator)
    principalId: botPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource botReadsRunbook 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: runbook
  name: guid(runbook.id, botPrincipalId, automationRunbookOperator)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', automationRunbookOperator)
    principalId: botPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource botWritesPasswords 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, botPrincipalId, keyVaultSecretsOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: botPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource workerReadsPasswords 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(workerPrincipalId)) {
  scope: vault
  name: guid(vault.id, workerPrincipalId, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: workerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('The Automation account the bot starts jobs in.')
output automationAccountName string = account.name

@description('The runbook the bot starts jobs of.')
output runbookName string = runbook.name

@description('The Hybrid Runbook Worker group the jobs run on (the job\'s runOn).')
output workerGroupName string = workerGroup.name

@description('The URL the Hybrid Worker extension registers with (its AutomationAccountURL setting).')
output automationHybridServiceUrl string = account.properties.automationHybridServiceUrl

@description('The Key Vault of the passwords the runbook passes to Exchange.')
output keyVaultUri string = vault.properties.vaultUri
