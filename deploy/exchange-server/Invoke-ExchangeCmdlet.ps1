<#
.SYNOPSIS
    Runs allow-listed Exchange Server cmdlets for the service-account bot and answers with one line of JSON.

.DESCRIPTION
    The Azure Automation runbook Invoke-ExchangeCmdlet (Windows PowerShell 5.1). The bot starts jobs of it on a
    Hybrid Runbook Worker group: a domain-joined Windows host in the customer's network with the Exchange management
    tools. The contract is deploy/exchange-server/PROTOCOL.md; the set-up is deploy/exchange-server/README.md.

    1. Parses Request and checks every cmdlet and every parameter against $AllowedCmdlets and $SecretParameters
       before anything runs. Anything else fails the job.
    2. Reads each secret parameter from Key Vault (the vault named by the Automation variable ExchangeRunnerKeyVault)
       with the worker machine's managed identity.
    3. Opens one Exchange session: implicit remoting to http://<ExchangeRunnerServer>/PowerShell/ with Kerberos,
       importing only the allow-listed Exchange cmdlets. Get-ADUser and Set-ADUser come from the ActiveDirectory
       module, which is loaded only when the request uses them.
    4. Runs the cmdlets in order, each by splatting its parameters onto the command (never as command text), and
       writes exactly one output record: the answer, as compressed JSON.

    Job history keeps every job's parameters. No secret is ever a parameter: a password is given by the name of its
    Key Vault secret and read here, and neither its value nor the vault's answer is written to any stream.

.PARAMETER Request
    The request of PROTOCOL.md, as one JSON string. A JSON string literal that holds the request is accepted too.

.NOTES
    The job runs as the worker group's Run As account. Windows PowerShell 5.1: no ternary operator, no null
    coalescing.
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $Request
)

$ErrorActionPreference = 'Stop'
# Windows PowerShell 5.1 writes an array wrapped in a PSObject as {"value":[...],"Count":n}; without this type data it
# writes a plain JSON array.
Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue

# The cmdlets the bot may run, each with the only parameters it may carry. RunnerAllowListTest keeps these two tables
# equal to io.serviceaccountbot.tenant.exchange.RunnerCmdlets: change both together, one entry a line.
$AllowedCmdlets = @{
    'New-Mailbox' = @('Name', 'Alias', 'UserPrincipalName', 'DisplayName', 'OrganizationalUnit', 'Password', 'ResetPasswordOnNextLogon')
    'Get-Mailbox' = @('Identity', 'ResultSize')
    'Get-User' = @('Identity')
    'Get-AcceptedDomain' = @()
    'Get-ADUser' = @('Identity', 'Properties')
    'Set-ADUser' = @('Identity', 'PasswordNeverExpires')
    'Get-DistributionGroup' = @('Identity', 'ResultSize')
    'Get-DistributionGroupMember' = @('Identity', 'ResultSize')
    'New-DistributionGroup' = @('Name', 'Alias', 'Type', 'Members')
    'Add-DistributionGroupMember' = @('Identity', 'Member', 'BypassSecurityGroupManagerCheck')
    'Remove-DistributionGroupMember' = @('Identity', 'Member', 'BypassSecurityGroupManagerCheck', 'Confirm')
    'Get-RoleGroup' = @('Identity')
    'Get-RoleGroupMember' = @('Identity', 'ResultSize')
    'New-RoleGroup' = @('Name', 'Roles', 'Members')
    'Add-RoleGroupMember' = @('Identity', 'Member', 'BypassSecurityGroupManagerCheck')
    'Remove-RoleGroupMember' = @('Identity', 'Member', 'BypassSecurityGroupManagerCheck', 'Confirm')
    'Get-ManagementRole' = @('Identity')
    'Get-ManagementRoleAssignment' = @('Identity', 'Role', 'RoleAssignee', 'GetEffectiveUsers', 'Delegating')
    'New-ManagementRoleAssignment' = @('Name', 'Role', 'User', 'SecurityGroup', 'CustomRecipientWriteScope')
    'Remove-ManagementRoleAssignment' = @('Identity', 'Confirm')
    'New-ManagementScope' = @('Name', 'RecipientRestrictionFilter')
    'Get-ManagementScope' = @('Identity')
    'Remove-ManagementScope' = @('Identity', 'Confirm')
}

# The parameters given as the name of a Key Vault secret, never as a value.
$SecretParameters = @{
    'New-Mailbox' = @('Password')
}

# These come from the ActiveDirectory module; every other allowed cmdlet comes from the Exchange session.
$ActiveDirectoryCmdlets = @('Get-ADUser', 'Set-ADUser')

# The fields of the request and of each of its cmdlets (PROTOCOL.md).
$RequestFields = @('protocol', 'cmdlets')
$CmdletFields = @('cmdlet', 'parameters', 'secretParameters', 'continueOnError')

function Get-Field {
    param($Object, [string] $Name)
    $property = $Object.PSObject.Properties[$Name]
    if ($null -eq $property) {
        return $null
    }
    # The comma keeps an array an array when it is returned.
    return , $property.Value
}

function Test-JsonObject {
    param($Value)
    return ($null -ne $Value) -and ($Value -is [System.Management.Automation.PSCustomObject])
}

function Assert-KnownFields {
    param($Object, [string[]] $Known, [string] $Where)
    foreach ($name in $Object.PSObject.Properties.Name) {
        if ($Known -notcontains $name) {
            throw "ExchangeRunner/InvalidRequest: $Where has the unknown field '$name'."
        }
    }
}

function ConvertTo-ParameterValue {
    param($Value, [string] $Where)
    if ($null -eq $Value) {
        throw "ExchangeRunner/NotAllowed: $Where is null."
    }
    if ($Value -is [bool] -or $Value -is [string] -or $Value -is [int] -or $Value -is [long]) {
        return $Value
    }
    if ($Value -is [System.Array]) {
        $strings = New-Object 'System.Collections.Generic.List[string]'
        foreach ($item in $Value) {
            if ($item -isnot [string]) {
                throw "ExchangeRunner/NotAllowed: $Where may hold only strings."
            }
            $strings.Add($item)
        }
        return , ([string[]] $strings.ToArray())
    }
    throw "ExchangeRunner/NotAllowed: $Where is a $($Value.GetType().Name); only strings, booleans, integers and arrays of strings are allowed."
}

# Turns the request into steps, refusing anything the allow-list does not hold. Runs nothing.
function Read-Request {
    param([string] $Text)
    try {
        $parsed = ConvertFrom-Json -InputObject $Text
        if ($parsed -is [string]) {
            # The request arrived as a JSON string literal holding the request.
            $parsed = ConvertFrom-Json -InputObject $parsed
        }
    } catch {
        throw "ExchangeRunner/InvalidRequest: the request is not JSON: $($_.Exception.Message)"
    }
    if (-not (Test-JsonObject $parsed)) {
        throw 'ExchangeRunner/InvalidRequest: the request is not a JSON object.'
    }
    Assert-KnownFields $parsed $RequestFields 'the request'
    $protocol = Get-Field $parsed 'protocol'
    if (-not (($protocol -is [int] -or $protocol -is [long]) -and $protocol -eq 1)) {
        throw "ExchangeRunner/InvalidRequest: protocol must be 1, not '$protocol'."
    }
    $entries = Get-Field $parsed 'cmdlets'
    if (-not ($entries -is [System.Array]) -or $entries.Count -eq 0) {
        throw 'ExchangeRunner/InvalidRequest: cmdlets must be a non-empty array.'
    }

    $steps = New-Object 'System.Collections.Generic.List[object]'
    $index = 0
    foreach ($entry in $entries) {
        $where = "cmdlets[$index]"
        $index++
        if (-not (Test-JsonObject $entry)) {
            throw "ExchangeRunner/InvalidRequest: $where is not a JSON object."
        }
        Assert-KnownFields $entry $CmdletFields $where
        $requested = Get-Field $entry 'cmdlet'
        if (-not ($requested -is [string])) {
            throw "ExchangeRunner/InvalidRequest: $where has no cmdlet name."
        }
        $name = $null
        foreach ($allowed in $AllowedCmdlets.Keys) {
            if ($allowed -eq $requested) {
                $name = $allowed
            }
        }
        if ($null -eq $name) {
            throw "ExchangeRunner/NotAllowed: $where asks for '$requested', which is not an allowed cmdlet."
        }
        $allowedParameters = $AllowedCmdlets[$name]
        $secretNames = @()
        if ($SecretParameters.ContainsKey($name)) {
            $secretNames = $SecretParameters[$name]
        }

        $parameters = @{}
        $given = Get-Field $entry 'parameters'
        if ($null -ne $given) {
            if (-not (Test-JsonObject $given)) {
                throw "ExchangeRunner/InvalidRequest: $where parameters is not a JSON object."
            }
            foreach ($property in $given.PSObject.Properties) {
                if ($allowedParameters -notcontains $property.Name) {
                    throw "ExchangeRunner/NotAllowed: $name may not be given -$($property.Name)."
                }
                if ($secretNames -contains $property.Name) {
                    throw "ExchangeRunner/NotAllowed: $name -$($property.Name) is a secret; give the name of its Key Vault secret in secretParameters."
                }
                $parameters[$property.Name] = ConvertTo-ParameterValue $property.Value "$name -$($property.Name)"
            }
        }

        $secrets = @{}
        $givenSecrets = Get-Field $entry 'secretParameters'
        if ($null -ne $givenSecrets) {
            if (-not (Test-JsonObject $givenSecrets)) {
                throw "ExchangeRunner/InvalidRequest: $where secretParameters is not a JSON object."
            }
            foreach ($property in $givenSecrets.PSObject.Properties) {
                if ($secretNames -notcontains $property.Name) {
                    throw "ExchangeRunner/NotAllowed: $name -$($property.Name) may not be given as a secret."
                }
                if (-not ($property.Value -is [string]) -or $property.Value -notmatch '^[0-9A-Za-z-]{1,127}$') {
                    throw "ExchangeRunner/NotAllowed: $name -$($property.Name) must name a Key Vault secret (letters, digits and hyphens)."
                }
                $secrets[$property.Name] = $property.Value
            }
        }

        $continueOnError = Get-Field $entry 'continueOnError'
        if ($null -eq $continueOnError) {
            $continueOnError = $false
        } elseif (-not ($continueOnError -is [bool])) {
            throw "ExchangeRunner/InvalidRequest: $where continueOnError must be true or false."
        }

        $steps.Add([pscustomobject]@{
                Cmdlet = $name
                Parameters = $parameters
                Secrets = $secrets
                ContinueOnError = $continueOnError
            })
    }
    return , $steps
}

# Puts each secret parameter's SecureString into its step's parameters. Nothing read here is written to a stream.
function Read-Secrets {
    param($Steps)
    $needed = @($Steps | Where-Object { $_.Secrets.Count -gt 0 })
    if ($needed.Count -eq 0) {
        return
    }
    $vault = Get-AutomationVariable -Name 'ExchangeRunnerKeyVault'
    if ([string]::IsNullOrWhiteSpace($vault)) {
        throw 'ExchangeRunner/NotConfigured: the Automation variable ExchangeRunnerKeyVault is empty.'
    }
    try {
        Import-Module Az.Accounts, Az.KeyVault
        Disable-AzContextAutosave -Scope Process | Out-Null
        Connect-AzAccount -Identity -ErrorAction Stop | Out-Null
    } catch {
        throw "ExchangeRunner/KeyVaultUnavailable: the worker could not sign in with its managed identity: $($_.Exception.Message)"
    }
    foreach ($step in $needed) {
        foreach ($parameter in @($step.Secrets.Keys)) {
            $secretName = $step.Secrets[$parameter]
            try {
                $secret = Get-AzKeyVaultSecret -VaultName $vault -Name $secretName -ErrorAction Stop
            } catch {
                if ($_.Exception.Message -match 'Forbidden|403|not authorized|does not have secrets get permission') {
                    throw "ExchangeRunner/SecretAccessDenied: the worker's identity may not read $secretName in Key Vault $vault."
                }
                throw "ExchangeRunner/KeyVaultUnavailable: Key Vault $vault did not answer for $secretName."
            }
            if ($null -eq $secret -or $null -eq $secret.SecretValue) {
                throw "ExchangeRunner/SecretNotFound: Key Vault $vault has no secret named $secretName (for $($step.Cmdlet) -$parameter)."
            }
            $step.Parameters[$parameter] = $secret.SecretValue
        }
    }
}

function Get-ErrorDetails {
    param([System.Management.Automation.ErrorRecord] $Record)
    if ($Record.Exception -is [System.Management.Automation.ActionPreferenceStopException] -and $null -ne $Record.Exception.ErrorRecord) {
        $Record = $Record.Exception.ErrorRecord
    }
    $exception = $Record.Exception
    $typeName = $exception.GetType().FullName
    # An error of the remote Exchange session carries the server's exception as a deserialised object.
    if ($exception -is [System.Management.Automation.RemoteException] -and $null -ne $exception.SerializedRemoteException) {
        $remoteType = @($exception.SerializedRemoteException.PSObject.TypeNames)[0]
        if ($remoteType) {
            $typeName = $remoteType -replace '^Deserialized\.', ''
        }
    }
    return [ordered]@{
        category = [string] $Record.CategoryInfo.Category
        fullyQualifiedErrorId = [string] $Record.FullyQualifiedErrorId
        exceptionType = $typeName
        message = [string] $exception.Message
    }
}

function Invoke-Step {
    param($Step, [string] $ExchangeModule)
    $stepWarnings = $null
    $failure = $null
    $rows = New-Object 'System.Collections.Generic.List[object]'
    try {
        if ($ActiveDirectoryCmdlets -contains $Step.Cmdlet) {
            $command = Get-Command -Name $Step.Cmdlet -Module ActiveDirectory -CommandType Cmdlet
        } else {
            $command = Get-Command -Name $Step.Cmdlet -Module $ExchangeModule
        }
        $parameters = $Step.Parameters
        $output = @(& $command @parameters -ErrorAction Stop -WarningVariable stepWarnings)
        foreach ($item in $output) {
            if ($null -ne $item) {
                $rows.Add((ConvertTo-Json -InputObject $item -Depth 4 -Compress | ConvertFrom-Json))
            }
        }
    } catch {
        $failure = Get-ErrorDetails $_
    }
    $warnings = New-Object 'System.Collections.Generic.List[string]'
    foreach ($warning in @($stepWarnings)) {
        if ($null -ne $warning) {
            $warnings.Add([string] $warning.Message)
        }
    }
    if ($null -ne $failure) {
        return [ordered]@{ cmdlet = $Step.Cmdlet; ok = $false; error = $failure; warnings = $warnings.ToArray() }
    }
    return [ordered]@{ cmdlet = $Step.Cmdlet; ok = $true; rows = $rows.ToArray(); warnings = $warnings.ToArray() }
}

$session = $null
try {
    $steps = Read-Request $Request
    Read-Secrets $steps

    $server = Get-AutomationVariable -Name 'ExchangeRunnerServer'
    if ([string]::IsNullOrWhiteSpace($server)) {
        throw 'ExchangeRunner/NotConfigured: the Automation variable ExchangeRunnerServer is empty.'
    }
    if (@($steps | Where-Object { $ActiveDirectoryCmdlets -contains $_.Cmdlet }).Count -gt 0) {
        Import-Module ActiveDirectory
    }
    $exchangeCmdlets = @($AllowedCmdlets.Keys | Where-Object { $ActiveDirectoryCmdlets -notcontains $_ }) + 'Get-ExchangeServer'
    try {
        $session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri ('http://{0}/PowerShell/' -f $server) -Authentication Kerberos -ErrorAction Stop
        $exchange = Import-PSSession -Session $session -CommandName $exchangeCmdlets -AllowClobber -DisableNameChecking -ErrorAction Stop
    } catch {
        throw "ExchangeRunner/ExchangeUnavailable: no Exchange session to ${server}: $($_.Exception.Message)"
    }

    $serverInfo = [ordered]@{ name = $server; version = $null }
    try {
        $getExchangeServer = Get-Command -Name 'Get-ExchangeServer' -Module $exchange.Name
        $exchangeServer = & $getExchangeServer -Identity $server -ErrorAction Stop
        $serverInfo.name = [string] $exchangeServer.Name
        $serverInfo.version = [string] $exchangeServer.AdminDisplayVersion
    } catch {
        Write-Warning "Get-ExchangeServer $server failed, so the answer names no version: $($_.Exception.Message)"
    }

    $results = New-Object 'System.Collections.Generic.List[object]'
    $stopped = $false
    foreach ($step in $steps) {
        if ($stopped) {
            $results.Add([ordered]@{ cmdlet = $step.Cmdlet; skipped = $true })
            continue
        }
        $result = Invoke-Step $step $exchange.Name
        $results.Add($result)
        if (-not $result.ok) {
            if ($session.State -ne 'Opened') {
                throw "ExchangeRunner/ExchangeUnavailable: the Exchange session to $server was lost: $($result.error.message)"
            }
            if (-not $step.ContinueOnError) {
                $stopped = $true
            }
        }
    }

    $answer = [ordered]@{ protocol = 1; server = $serverInfo; results = $results.ToArray() }
    Write-Output (ConvertTo-Json -InputObject $answer -Depth 12 -Compress)
} finally {
    if ($null -ne $session) {
        Remove-PSSession -Session $session -ErrorAction SilentlyContinue
    }
}
