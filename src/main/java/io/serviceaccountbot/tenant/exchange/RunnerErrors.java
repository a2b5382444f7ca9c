package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Exchange Server's failures mean for the bot. A failed cmdlet is classified as Exchange Online's are ({@link
 * ExchangeErrors#ofExceptionType}: Exchange Server throws the same .NET exceptions), then by PowerShell's error
 * category, then by its message. A failed job is classified by the reason the runbook names in its error ({@code
 * ExchangeRunner/<Reason>: …}, see {@code deploy/exchange-server/PROTOCOL.md}): transient only when the reason is.
 */
final class RunnerErrors {

    static final String SERVICE = "Exchange Server";

    /** The reasons the runbook gives when it fails a job, and what each means. */
    static final Map<String, Kind> JOB_FAILURES = Map.of(
            "InvalidRequest", Kind.INVALID_REQUEST,
            "NotAllowed", Kind.INVALID_REQUEST,
            "SecretNotFound", Kind.NOT_FOUND,
            "SecretAccessDenied", Kind.ACCESS_DENIED,
            "KeyVaultUnavailable", Kind.UNAVAILABLE,
            "ExchangeUnavailable", Kind.UNAVAILABLE,
            "NotConfigured", Kind.INVALID_REQUEST);

    private static final Pattern REASON = Pattern.compile("ExchangeRunner/([A-Za-z]+):");

    /** PowerShell's ErrorCategory values that say what happened when the exception type does not. */
    private static final Map<String, Kind> CATEGORIES = Map.of(
            "objectnotfound", Kind.NOT_FOUND,
            "resourceexists", Kind.ALREADY_EXISTS,
            "permissiondenied", Kind.ACCESS_DENIED,
            "securityerror", Kind.ACCESS_DENIED,
            "connectionerror", Kind.UNAVAILABLE,
            "resourceunavailable", Kind.UNAVAILABLE,
            "resourcebusy", Kind.UNAVAILABLE,
            "operationtimeout", Kind.UNAVAILABLE);

    private RunnerErrors() {}

    /** What a cmdlet's error means: by exception type, then category, then message; otherwise an invalid request. */
    static Kind kind(String category, String exceptionType, String message) {
        Kind byType = ExchangeErrors.ofExceptionType(ExchangeErrors.shortName(exceptionType));
        if (byType != null) {
            return byType;
        }
        Kind byCategory = category == null ? null : CATEGORIES.get(category.toLowerCase(Locale.ROOT));
        if (byCategory != null) {
            return byCategory;
        }
        Kind byMessage = ExchangeErrors.ofMessage(message);
        if (byMessage != null) {
            return byMessage;
        }
        String said = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (said.contains("is already a member")) {
            return Kind.ALREADY_EXISTS;
        }
        if (said.contains("couldn't be found")
                || said.contains("couldn't find object")
                || said.contains("isn't a member")
                || said.contains("is not a member")) {
            return Kind.NOT_FOUND;
        }
        return Kind.INVALID_REQUEST;
    }

    /**
     * A job Azure reports as Failed.
     *
     * @param errors the text of the job's error records
     */
    static TenantException jobFailed(AutomationJob job, List<String> errors, AutomationAccount account) {
        List<String> texts = texts(job, errors);
        String reason = null;
        for (String text : texts) {
            Matcher named = REASON.matcher(text);
            if (named.find() && JOB_FAILURES.containsKey(named.group(1))) {
                reason = named.group(1);
                break;
            }
        }
        Kind kind = reason == null ? Kind.INVALID_REQUEST : JOB_FAILURES.get(reason);
        String fix = switch (reason == null ? "" : reason) {
            case "SecretNotFound" ->
                "Check that the secret the job names exists in the Key Vault of the Automation variable"
                        + " ExchangeRunnerKeyVault, then run the command again.";
            case "SecretAccessDenied" ->
                "Give the Hybrid Runbook Worker's managed identity the role Key Vault Secrets User on the Key"
                        + " Vault of the Automation variable ExchangeRunnerKeyVault, then run the command"
                        + " again.";
            case "NotConfigured" ->
                "Set the Automation variables ExchangeRunnerServer and ExchangeRunnerKeyVault in the Automation account"
                        + " (deploy/exchange-server/README.md), then run the command again.";
            case "KeyVaultUnavailable", "ExchangeUnavailable" -> null;
            default -> lookAt(job, account);
        };
        return new TenantException(
                kind,
                SERVICE,
                reason == null ? "JobFailed" : reason,
                job.name(),
                "Exchange Server's runner failed job " + job.name() + ": " + String.join("; ", texts),
                fix,
                null);
    }

    /** A job Azure reports as Suspended: it will not finish by itself, and trying again will not help. */
    static TenantException jobSuspended(AutomationJob job, List<String> errors, AutomationAccount account) {
        return new TenantException(
                Kind.INVALID_REQUEST,
                SERVICE,
                "JobSuspended",
                job.name(),
                "Exchange Server's runner job " + job.name() + " was suspended before it finished"
                        + (texts(job, errors).isEmpty() ? "" : ": " + String.join("; ", texts(job, errors))),
                lookAt(job, account) + " Resume or stop it there.",
                null);
    }

    /** A job stopped by someone else before it finished. */
    static TenantException jobStopped(AutomationJob job, AutomationAccount account) {
        return new TenantException(
                Kind.INVALID_REQUEST,
                SERVICE,
                "JobStopped",
                job.name(),
                "Exchange Server's runner job " + job.name() + " was stopped before it finished",
                lookAt(job, account),
                null);
    }

    private static String lookAt(AutomationJob job, AutomationAccount account) {
        return "Look at job " + job.name() + " in the " + account.describe()
                + " (Jobs in the Azure portal: its Errors and Exception), then run the command again.";
    }

    private static List<String> texts(AutomationJob job, List<String> errors) {
        List<String> texts = new ArrayList<>();
        if (job.exception() != null) {
            texts.add(ExchangeErrors.printable(job.exception(), 1000));
        }
        for (String error : errors) {
            if (!texts.contains(error)) {
                texts.add(error);
            }
        }
        return texts;
    }
}
