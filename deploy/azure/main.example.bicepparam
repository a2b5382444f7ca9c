// Copy to main.bicepparam (git-ignored), fill in the ids, and deploy with deploy/azure/deploy.sh.
// The two secrets come from the environment at deployment, never from a file.
using './main.bicep'

param namePrefix = 'sabot'
param botAppId = '<application (client) id of the bot app registration>'
param adminsGroupId = '<object id of the Entra group of provisioning admins>'
param approversGroupId = '<object id of the Entra group of approvers>'
param approvalsChannel = ''
param image = '<registry>.azurecr.io/service-account-bot:<version>'
param registryServer = '<registry>.azurecr.io'
param minReplicas = 2
param maxReplicas = 4
param postgresAdminLogin = 'botadmin'
param botSku = 'F0'
// The Exchange Server runner (deploy/exchange-server/README.md): true, the server's FQDN, and later the Run As
// credential's name and the worker machine's identity.
param exchangeServer = false
param exchangeServerName = ''
param exchangeRunnerCredential = ''
param exchangeRunnerPrincipalId = ''
param botClientSecret = readEnvironmentVariable('BOT_CLIENT_SECRET')
param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
