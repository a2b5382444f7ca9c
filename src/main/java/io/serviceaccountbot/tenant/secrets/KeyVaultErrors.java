package io.serviceaccountbot.tenant.secrets;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.BinaryData;
import io.serviceaccountbot.identity.TokenUnavailableException;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Key Vault's failures as {@link TenantException}s for service "Azure Key Vault": 401 and 403 are ACCESS_DENIED, 404
 * NOT_FOUND, 429 THROTTLED, 408, 5xx, timeouts and connection failures UNAVAILABLE, anything else INVALID_REQUEST. The
 * code is Key Vault's most specific error code (e.g. {@code ForbiddenByRbac}), the request id its {@code
 * x-ms-request-id}. Key Vault's error messages name the caller and the vault, never a secret's value.
 */
final class KeyVaultErrors {

    static final String SERVICE = "Azure Key Vault";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_MESSAGE = 300;

    private KeyVaultErrors() {}

    static TenantException map(String action, String vault, RuntimeException e) {
        if (e instanceof TenantException tenant) {
            return tenant;
        }
        String prefix = "Azure Key Vault " + vault + " ";
        if (e instanceof AccessTokensCredential.ForeignTenantException foreign) {
            return new TenantException(
                    Kind.ACCESS_DENIED,
                    SERVICE,
                    "ForeignTenant",
                    null,
                    prefix + "can't be used: " + foreign.getMessage(),
                    e);
        }
        if (e instanceof TokenUnavailableException token) {
            return new TenantException(
                    Kind.UNAVAILABLE,
                    SERVICE,
                    "TokenUnavailable",
                    null,
                    "The bot could not " + action + " in Azure Key Vault " + vault + ": " + token.getMessage(),
                    e);
        }
        if (e instanceof HttpResponseException http && http.getResponse() != null) {
            int status = http.getResponse().getStatusCode();
            ErrorBody error = ErrorBody.of(http);
            Kind kind = kind(status);
            String detail = "HTTP " + status + (error.code() == null ? "" : " " + error.code())
                    + (error.message() == null ? "" : ": " + error.message());
            return new TenantException(
                    kind,
                    SERVICE,
                    error.code(),
                    http.getResponse().getHeaderValue("x-ms-request-id"),
                    prefix + refusal(kind) + " to " + action + " (" + detail + ")." + advice(kind, status),
                    e);
        }
        if (isNetworkFailure(e)) {
            return new TenantException(
                    Kind.UNAVAILABLE,
                    SERVICE,
                    null,
                    null,
                    prefix + "did not answer when asked to " + action + " (" + rootCause(e) + "). Try again later.",
                    e);
        }
        return new TenantException(
                Kind.INVALID_REQUEST,
                SERVICE,
                null,
                null,
                "The bot could not " + action + " in Azure Key Vault " + vault + ": " + rootCause(e),
                e);
    }

    static Kind kind(int status) {
        return switch (status) {
            case 401, 403 -> Kind.ACCESS_DENIED;
            case 404 -> Kind.NOT_FOUND;
            case 429 -> Kind.THROTTLED;
            case 408 -> Kind.UNAVAILABLE;
            default -> status >= 500 ? Kind.UNAVAILABLE : Kind.INVALID_REQUEST;
        };
    }

    private static String refusal(Kind kind) {
        return switch (kind) {
            case ACCESS_DENIED -> "refused the bot";
            case THROTTLED -> "is throttling the bot and refused";
            case UNAVAILABLE -> "failed";
            default -> "refused";
        };
    }

    private static String advice(Kind kind, int status) {
        return switch (kind) {
            case ACCESS_DENIED ->
                status == 401
                        ? " It did not accept the bot's token."
                        : " Give the bot's identity the Key Vault Secrets Officer role on the vault, or, if the vault uses"
                                + " access policies, secret Get and Set permissions.";
            case THROTTLED, UNAVAILABLE -> " Try again later.";
            default -> status == 409 ? " Recover or purge the deleted secret in the vault, then try again." : "";
        };
    }

    private static boolean isNetworkFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Key Vault's {@code {"error":{"code":…,"message":…,"innererror":{"code":…}}}}. */
    record ErrorBody(String code, String message) {

        static ErrorBody of(HttpResponseException e) {
            JsonNode error = json(e).path("error");
            String code = text(error.path("innererror").path("code"));
            if (code == null) {
                code = text(error.path("code"));
            }
            String message = text(error.path("message"));
            if (message != null && message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE) + "…";
            }
            return new ErrorBody(code, message);
        }

        private static JsonNode json(HttpResponseException e) {
            try {
                Object value = e.getValue();
                if (value instanceof Map<?, ?> || value instanceof JsonNode) {
                    return JSON.valueToTree(value);
                }
                if (value instanceof BinaryData data) {
                    return JSON.readTree(data.toString());
                }
                if (value instanceof byte[] bytes) {
                    return JSON.readTree(bytes);
                }
                String text = value instanceof String s ? s : e.getMessage();
                int from = text == null ? -1 : text.indexOf('{');
                int to = text == null ? -1 : text.lastIndexOf('}');
                return from >= 0 && to > from ? JSON.readTree(text.substring(from, to + 1)) : JSON.missingNode();
            } catch (RuntimeException unreadable) {
                return JSON.missingNode();
            }
        }

        private static String text(JsonNode node) {
            return node.isString() && !node.asString().isBlank() ? node.asString() : null;
        }
    }
}
