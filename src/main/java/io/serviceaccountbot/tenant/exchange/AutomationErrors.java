package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Azure Resource Manager's error answers to the Automation job calls into {@link TenantException}s. ARM writes
 * {@code {"error":{"code":…,"message":…}}}; older Automation answers write {@code {"code":…,"message":…}} without the
 * wrapper, and both are read. 401 and 403 say which roles the bot's identity needs on which account (Automation Job
 * Operator on the account, Automation Runbook Operator on the runbook, which Microsoft's "Manage role permissions and
 * security in Automation" names together for starting jobs of one runbook); 429 and 5xx are transient.
 */
final class AutomationErrors {

    static final String SERVICE = "Azure Automation";

    /** The built-in role that lets the bot create, read and stop jobs, and nothing wider. */
    static final String JOB_OPERATOR = "Automation Job Operator";

    /**
     * The built-in role on the runbook that Microsoft describes as "Read Runbook properties - to be able to create Jobs
     * of the runbook"; with {@link #JOB_OPERATOR} it lets the bot start jobs of that runbook.
     */
    static final String RUNBOOK_OPERATOR = "Automation Runbook Operator";

    private final JsonMapper json;

    AutomationErrors(JsonMapper json) {
        this.json = json;
    }

    /**
     * The failure an error answer stands for.
     *
     * @param what what the bot was doing, e.g. "start job 0f…" (no secret, no parameter)
     */
    TenantException fromAnswer(String what, int status, byte[] body, String requestId, AutomationAccount account) {
        Detail detail = detail(body);
        String code = detail.code() != null ? detail.code() : "HTTP " + status;
        String said = detail.message() != null ? ": " + detail.message() : " (HTTP " + status + ")";
        if (status == 429) {
            return new TenantException(
                    Kind.THROTTLED,
                    SERVICE,
                    code,
                    requestId,
                    "Azure Resource Manager is throttling the bot's calls (" + what + "); try again in a while",
                    null);
        }
        if (status == 401 || status == 403) {
            String fix = status == 401
                    ? "Azure did not accept the bot's token for the " + account.describe()
                            + ": check that the subscription belongs to the bot's Entra tenant and that the bot's"
                            + " identity holds the role " + JOB_OPERATOR
                            + " on the account, then run the command again."
                    : "Give the bot's identity the role " + JOB_OPERATOR + " on the " + account.describe() + " and "
                            + RUNBOOK_OPERATOR + " on its runbook (bot.exchange-server.runner.runbook), in Access"
                            + " control (IAM) of the Azure portal, then run the command again; nothing wider is needed.";
            return new TenantException(
                    Kind.ACCESS_DENIED,
                    SERVICE,
                    code,
                    requestId,
                    "Azure refused to let the bot " + what + " in the " + account.describe() + said,
                    fix,
                    null);
        }
        if (status == 404) {
            return new TenantException(
                    Kind.NOT_FOUND,
                    SERVICE,
                    code,
                    requestId,
                    "Azure found nothing to " + what + " in the " + account.describe() + said,
                    "Check bot.exchange-server.runner.subscription-id, resource-group and automation-account against"
                            + " the Automation account in the Azure portal, then run the command again.",
                    null);
        }
        Kind kind = status >= 500 || status == 408 ? Kind.UNAVAILABLE : Kind.INVALID_REQUEST;
        return new TenantException(
                kind,
                SERVICE,
                code,
                requestId,
                "Azure could not " + what + " in the " + account.describe() + said,
                null);
    }

    private Detail detail(byte[] body) {
        if (body == null || body.length == 0) {
            return new Detail(null, null);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException notJson) {
            return new Detail(null, ExchangeErrors.printable(new String(body, StandardCharsets.UTF_8), 300));
        }
        JsonNode error = root.path("error").isObject() ? root.path("error") : root;
        return new Detail(text(error.path("code")), ExchangeErrors.printable(text(error.path("message")), 500));
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private record Detail(String code, String message) {}
}
