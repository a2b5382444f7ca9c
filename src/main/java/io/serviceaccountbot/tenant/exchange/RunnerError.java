package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;

/**
 * How a cmdlet failed on Exchange Server, as the runbook reports it from PowerShell's ErrorRecord, and what that means
 * for the bot.
 *
 * @param category {@code CategoryInfo.Category}, e.g. {@code InvalidArgument}, {@code ObjectNotFound}
 * @param fullyQualifiedErrorId e.g. {@code [Server=EX01,…] 3C9B0C1A,Microsoft.Exchange.Management…NewDistributionGroup}
 * @param exceptionType the exception's full .NET type name
 * @param message the exception's message
 * @param kind what it means, decided by {@link RunnerErrors#kind}
 */
record RunnerError(String category, String fullyQualifiedErrorId, String exceptionType, String message, Kind kind) {

    /**
     * The failure for the bot's callers: kind, the exception's short name as code, the job's name as request id so
     * the admin can find the job in the Automation account.
     */
    TenantException toException(String cmdlet, String jobName) {
        String code = ExchangeErrors.shortName(exceptionType);
        return new TenantException(
                kind,
                RunnerErrors.SERVICE,
                code != null ? code : category != null ? category : "CmdletError",
                jobName,
                "Exchange Server could not run " + cmdlet + ": " + (message == null ? "no message" : message),
                kind == Kind.ACCESS_DENIED
                        ? "The account the Hybrid Runbook Worker runs the runbook as lacks the Exchange Server role"
                                + " for " + cmdlet + "; an Exchange administrator must grant it, then run the command"
                                + " again."
                        : null,
                null);
    }
}
