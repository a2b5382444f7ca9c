#!/usr/bin/env bash
# Deploys the bot's Azure resources (main.bicep) into a resource group with the Azure CLI.
# The secrets are read from the environment by main.bicepparam, so they appear neither in a file nor on a command line.
# With exchangeServer set, it then uploads the runbook deploy/exchange-server/Invoke-ExchangeCmdlet.ps1 to the
# Automation account and publishes it (the template creates the runbook without content), every time.
# Usage: RESOURCE_GROUP=rg-bots BOT_CLIENT_SECRET=… POSTGRES_ADMIN_PASSWORD=… deploy/azure/deploy.sh [main.bicepparam]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
parameters="${1:-$here/main.bicepparam}"
: "${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group to deploy into}"
: "${BOT_CLIENT_SECRET:?set BOT_CLIENT_SECRET to a client secret of the bot app registration}"
: "${POSTGRES_ADMIN_PASSWORD:?set POSTGRES_ADMIN_PASSWORD to the password the PostgreSQL administrator gets}"
if [ ! -f "$parameters" ]; then
  echo "No $parameters: copy $here/main.example.bicepparam there and fill it in." >&2
  exit 2
fi
export BOT_CLIENT_SECRET POSTGRES_ADMIN_PASSWORD
deployment="service-account-bot-$(date +%Y%m%d%H%M%S)"
az deployment group create \
  --resource-group "$RESOURCE_GROUP" \
  --name "$deployment" \
  --parameters "$parameters" \
  --query properties.outputs

output() {
  az deployment group show --resource-group "$RESOURCE_GROUP" --name "$deployment" \
    --query "properties.outputs.$1.value" --output tsv
}
account="$(output exchangeRunnerAutomationAccount)"
if [ -n "$account" ]; then
  runbook="$(output exchangeRunnerRunbook)"
  # The az automation commands come from the CLI's automation extension, installed on first use.
  az automation runbook replace-content --resource-group "$RESOURCE_GROUP" --automation-account-name "$account" \
    --name "$runbook" --content "@$here/../exchange-server/Invoke-ExchangeCmdlet.ps1" --output none
  az automation runbook publish --resource-group "$RESOURCE_GROUP" --automation-account-name "$account" \
    --name "$runbook" --output none
  echo "Published the runbook $runbook in the Automation account $account."
fi
