// The service-account bot on Azure: Azure Bot (single-tenant, Teams channel), Azure Container Apps (2+ replicas),
// a user-assigned managed identity that reads the bot's credential from Key Vault and writes the generated passwords
// there, Azure Database for PostgreSQL
// flexible server, Key Vault, and Log Analytics; with exchangeServer, also the Exchange Server runner of
// exchange-server.bicep. Deploy with deploy/azure/deploy.sh (see deploy/README.md).
// No secret is written in this file: the two secrets are secure parameters, stored in Key Vault at deployment and
// handed to the container as Key Vault references.

targetScope = 'resourceGroup'

@description('Prefix of every resource name, 3 to 12 lower-case letters and digits, e.g. sabot.')
@minLength(3)
@maxLength(12)
param namePrefix string

@description('Azure region of the resources (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('The Entra tenant the bot serves (bot.identity.tenant-id).')
param tenantId string = subscription().tenantId

@description('Application (client) id of the bot\'s single-tenant Entra app registration (bot.identity.app-id).')
param botAppId string

@description('A client secret of the app registration (bot.identity.client-secret); stored in Key Vault.')
@secure()
param botClientSecret string

@description('Object id of the Entra group whose members may provision (bot.access.admins-group-id).')
param adminsGroupId string

@description('Object id of the Entra group whose members approve (bot.access.approvers-group-id).')
param approversGroupId string

@description('Optional: the Teams channel id that also gets every approval card (bot.teams.approvals-channel).')
param approvalsChannel string = ''

@description('The container image, e.g. myregistry.azurecr.io/service-account-bot:1.0.0.')
param image string

@description('Login server of the registry the image is pulled from with the managed identity (AcrPull); empty for a public image.')
param registryServer string = ''

@description('How many replicas run at least; two or more so that a restart or an update keeps the bot answering.')
@minValue(2)
param minReplicas int = 2

@description('How many replicas may run at most.')
@minValue(2)
param maxReplicas int = 4

@description('Administrator login of the PostgreSQL server (spring.datasource.username).')
param postgresAdminLogin string = 'botadmin'

@description('Password of that login (spring.datasource.password); stored in Key Vault.')
@secure()
param postgresAdminPassword string

@description('Pricing tier of the Azure Bot: F0 (free, standard channels such as Teams) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Also deploy the Exchange Server runner (exchange-server.bicep, deploy/exchange-server/README.md).')
param exchangeServer bool = false

@description('Exchange Server runner: fully qualified name of the Exchange server the runbook opens a session to.')
param exchangeServerName string = ''

@description('Exchange Server runner: the Automation credential the worker group runs jobs as; empty until it exists.')
param exchangeRunnerCredential string = ''

@description('Exchange Server runner: object id of the worker machine\'s Azure Arc identity; empty until it is connected.')
param exchangeRunnerPrincipalId string = ''

var suffix = uniqueString(resourceGroup().id)
var keyVaultName = take('${namePrefix}-kv-${suffix}', 24)
var postgresName = '${namePrefix}-pg-${suffix}'
var databaseName = 'bot'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-identity'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
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

resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-client-secret'
  properties: {
    value: botClientSecret
  }
}

resource databasePassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-password'
  properties: {
    value: postgresAdminPassword
  }
}

// Through the managed identity, the container platform reads the two secrets above and the bot writes the passwords
// it generates (bot.secrets.managed-identity-client-id).
resource identityKeepsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(registryServer)) {
  name: split(registryServer, '.')[0]
}

resource identityPullsImages 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(registryServer)) {
  scope: registry
  name: guid(resourceGroup().id, identity.id, acrPull)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresName
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Azure services (the Container Apps environment) may connect; everything else is refused.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

var approvalsChannelEnv = empty(approvalsChannel) ? [] : [
  {
    name: 'BOT_TEAMS_APPROVALS_CHANNEL'
    value: approvalsChannel
  }
]

// With exchangeServer, where the bot starts the runner's jobs (deploy/exchange-server/PROTOCOL.md).
var exchangeRunnerEnv = exchangeServer ? [
  {
    name: 'BOT_EXCHANGESERVER_RUNNER_SUBSCRIPTIONID'
    value: subscription().subscriptionId
  }
  {
    name: 'BOT_EXCHANGESERVER_RUNNER_RESOURCEGROUP'
    value: resourceGroup().name
  }
  {
    name: 'BOT_EXCHANGESERVER_RUNNER_AUTOMATIONACCOUNT'
    value: exchangeRunner.outputs.automationAccountName
  }
  {
    name: 'BOT_EXCHANGESERVER_RUNNER_RUNBOOK'
    value: exchangeRunner.outputs.runbookName
  }
  {
    name: 'BOT_EXCHANGESERVER_RUNNER_WORKERGROUP'
    value: exchangeRunner.outputs.workerGroupName
  }
] : []

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${namePrefix}-bot'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  dependsOn: [
    identityKeepsSecrets
    identityPullsImages
  ]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 3978
        transport: 'http'
        allowInsecure: false
      }
      registries: empty(registryServer) ? [] : [
        {
          server: registryServer
          identity: identity.id
        }
      ]
      secrets: [
        {
          name: 'bot-client-secret'
          keyVaultUrl: clientSecret.properties.secretUri
          identity: identity.id
        }
        {
          name: 'postgres-password'
          keyVaultUrl: databasePassword.properties.secretUri
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'bot'
          image: image
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat([
            {
              name: 'BOT_IDENTITY_TENANT_ID'
              value: tenantId
            }
            {
              name: 'BOT_IDENTITY_APP_ID'
              value: botAppId
            }
            {
              name: 'BOT_IDENTITY_CLIENT_SECRET'
              secretRef: 'bot-client-secret'
            }
            {
              name: 'BOT_ACCESS_ADMINS_GROUP_ID'
              value: adminsGroupId
            }
            {
              name: 'BOT_ACCESS_APPROVERS_GROUP_ID'
              value: approversGroupId
            }
            {
              // With exchangeServer the generated passwords go to the runner's vault, where the runbook reads the one
              // New-Mailbox needs by name; the bot's own credentials stay in this template's vault.
              name: 'BOT_SECRETS_KEY_VAULT_URI'
              value: exchangeServer ? exchangeRunner.outputs.keyVaultUri : vault.properties.vaultUri
            }
            {
              name: 'BOT_SECRETS_MANAGED_IDENTITY_CLIENT_ID'
              value: identity.properties.clientId
            }
            {
              name: 'SPRING_DATASOURCE_URL'
              value: 'jdbc:postgresql://${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'
            }
            {
              name: 'SPRING_DATASOURCE_USERNAME'
              value: postgresAdminLogin
            }
            {
              name: 'SPRING_DATASOURCE_PASSWORD'
              secretRef: 'postgres-password'
            }
          ], approvalsChannelEnv, exchangeRunnerEnv)
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/actuator/health/liveness'
                port: 3978
              }
              periodSeconds: 5
              failureThreshold: 30
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/actuator/health/liveness'
                port: 3978
              }
              periodSeconds: 30
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/actuator/health/readiness'
                port: 3978
              }
              periodSeconds: 10
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
      }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Service Account Bot'
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// The Exchange Server runner, when exchangeServer is true.
module exchangeRunner 'exchange-server.bicep' = if (exchangeServer) {
  name: 'exchange-server-runner'
  params: {
    location: location
    namePrefix: namePrefix
    suffix: suffix
    tenantId: tenantId
    botPrincipalId: identity.properties.principalId
    exchangeServerName: exchangeServerName
    runAsCredential: exchangeRunnerCredential
    workerPrincipalId: exchangeRunnerPrincipalId
  }
}

@description('The bot\'s messaging endpoint, as registered in Azure Bot.')
output messagingEndpoint string = 'https://${app.properties.configuration.ingress.fqdn}/api/messages'

@description('The Key Vault that keeps the bot\'s client secret, the database password and (without exchangeServer) the generated passwords.')
output keyVaultUri string = vault.properties.vaultUri

@description('Exchange Server runner: the Automation account (empty without exchangeServer); deploy.sh publishes the runbook there.')
output exchangeRunnerAutomationAccount string = exchangeServer ? exchangeRunner.outputs.automationAccountName : ''

@description('Exchange Server runner: the runbook the bot starts jobs of.')
output exchangeRunnerRunbook string = exchangeServer ? exchangeRunner.outputs.runbookName : ''

@description('Exchange Server runner: the Hybrid Runbook Worker group its jobs run on.')
output exchangeRunnerWorkerGroup string = exchangeServer ? exchangeRunner.outputs.workerGroupName : ''

@description('Exchange Server runner: the AutomationAccountURL setting of the Hybrid Worker extension.')
output exchangeRunnerHybridServiceUrl string = exchangeServer ? exchangeRunner.outputs.automationHybridServiceUrl : ''

@description('Exchange Server runner: the Key Vault of the passwords the runbook passes to Exchange.')
output exchangeRunnerKeyVaultUri string = exchangeServer ? exchangeRunner.outputs.keyVaultUri : ''
