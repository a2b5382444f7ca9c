package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads Exchange's error answers into {@link TenantException}s. InvokeCommand wraps a cmdlet's exception in an OData
 * error, {@code {"error":{"code":"BadRequest","message":"Error executing cmdlet","details":[{"message":…}],
 * "innererror":{…}}}}, where the detail's message is either a JSON object naming the exception ({@code
 * {"Message":…,"TypeName":"Microsoft.Exchange….ManagementObjectNotFoundException"}}) or, in older answers, the line
 * PowerShell prints ({@code Ex6F9304|Microsoft.Exchange….ManagementObjectNotFoundException|The operation couldn't
 * …}). The exception's type decides the kind; the HTTP status decides only when there is none.
 */
final class ExchangeErrors {

    static final String SERVICE = "Exchange Online";

    /** Server-side exceptions the ExchangeOnlineManagement module itself retries. */
    private static final Set<String> TRANSIENT = Set.of(
            "DCOverloadedException",
            "SuitabilityDirectoryException",
            "ServerInMMException",
            "ADServerSettingsChangedException",
            "StorageTransientException",
            "ADTransientException");

    private static final Set<String> NOT_FOUND = Set.of(
            "ManagementObjectNotFoundException",
            "ADNoSuchObjectException",
            "MemberNotFoundException",
            "RecipientNotFoundException",
            "ObjectNotFoundException");

    private static final Set<String> ALREADY_EXISTS = Set.of(
            "ADObjectAlreadyExistsException",
            "ManagementObjectAlreadyExistsException",
            "MemberAlreadyExistsException",
            "ProxyAddressExistsException");

    private static final Pattern PRINTED =
            Pattern.compile("^([A-Za-z0-9]+)\\|([A-Za-z0-9_.+]+)\\|(.*)$", Pattern.DOTALL);

    private final JsonMapper json;

    ExchangeErrors(JsonMapper json) {
        this.json = json;
    }

    /** The failure an HTTP error answer to a cmdlet stands for. */
    TenantException fromAnswer(String cmdlet, int status, byte[] body, String requestId) {
        Detail detail = detail(body);
        if (status == 429) {
            return new TenantException(
                    Kind.THROTTLED,
                    SERVICE,
                    detail.code() == null ? "TooManyRequests" : detail.code(),
                    requestId,
                    "Exchange Online is throttling the bot's calls (" + cmdlet + "); try again in a while",
                    null);
        }
        Kind kind = kind(status, detail);
        String code = detail.exception() != null
                ? detail.exception()
                : detail.code() != null ? detail.code() : "HTTP " + status;
        String said = detail.message() == null ? "HTTP " + status : detail.message();
        return new TenantException(
                kind, SERVICE, code, requestId, "Exchange Online could not run " + cmdlet + ": " + said, null);
    }

    /** A cmdlet that answered 200 but reported errors in {@code @adminapi.errors}. */
    TenantException fromReportedError(String cmdlet, String error, String requestId) {
        Detail detail = printed(printable(error, 2000), null);
        return new TenantException(
                kind(400, detail),
                SERVICE,
                detail.exception() == null ? "AdminApiError" : detail.exception(),
                requestId,
                "Exchange Online could not run " + cmdlet + ": " + detail.message(),
                null);
    }

    private static Kind kind(int status, Detail detail) {
        Kind byType = ofExceptionType(detail.exception());
        if (byType != null) {
            return byType;
        }
        if (status == 401 || status == 403) {
            return Kind.ACCESS_DENIED;
        }
        Kind byMessage = ofMessage(detail.message());
        if (byMessage != null) {
            return byMessage;
        }
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        return status >= 500 ? Kind.UNAVAILABLE : Kind.INVALID_REQUEST;
    }

    /**
     * What an Exchange exception type means, Exchange Online's and Exchange Server's alike (they are the same .NET
     * types), or null when its type does not tell.
     *
     * @param type the short name, e.g. {@code ManagementObjectNotFoundException}
     */
    static Kind ofExceptionType(String type) {
        if (type == null) {
            return null;
        }
        if (TRANSIENT.contains(type)) {
            return Kind.UNAVAILABLE;
        }
        if (NOT_FOUND.contains(type)) {
            return Kind.NOT_FOUND;
        }
        if (ALREADY_EXISTS.contains(type)) {
            return Kind.ALREADY_EXISTS;
        }
        if (type.contains("AccessDenied")
                || type.contains("Unauthorized")
                || type.equals("OperationRequiresGroupManagerException")) {
            return Kind.ACCESS_DENIED;
        }
        return null;
    }

    /** What an Exchange error message says when its type does not: "already exists", "access denied"; else null. */
    static Kind ofMessage(String said) {
        String message = said == null ? "" : said.toLowerCase(Locale.ROOT);
        if (message.contains("already exists") || message.contains("is already being used")) {
            return Kind.ALREADY_EXISTS;
        }
        if (message.contains("access denied")
                || message.contains("isn't authorized")
                || message.contains("is not authorized")) {
            return Kind.ACCESS_DENIED;
        }
        return null;
    }

    /** The OData code, the cmdlet's exception type (short name) and its message, as far as the body tells. */
    private Detail detail(byte[] body) {
        if (body == null || body.length == 0) {
            return new Detail(null, null, null);
        }
        JsonNode error;
        try {
            error = field(json.readTree(body), "error");
        } catch (JacksonException notJson) {
            return new Detail(null, null, printable(new String(body, StandardCharsets.UTF_8), 300));
        }
        String code = text(field(error, "code"));
        JsonNode details = field(error, "details");
        if (details.isArray() && !details.isEmpty()) {
            String message = text(field(details.get(0), "message"));
            if (message != null) {
                return withCode(nested(message), code);
            }
        }
        String internal = text(field(field(field(error, "innererror"), "internalexception"), "message"));
        if (internal != null) {
            return withCode(printed(internal, null), code);
        }
        return new Detail(code, null, printable(text(field(error, "message")), 500));
    }

    /** A detail message that is itself JSON ({@code {"Message":…,"TypeName":…}}), or the printed form. */
    private Detail nested(String message) {
        String trimmed = message.trim();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode exception = json.readTree(trimmed);
                String type = text(field(exception, "TypeName"));
                if (type == null) {
                    type = text(field(exception, "ClassName"));
                }
                String said = text(field(exception, "Message"));
                if (said != null) {
                    return printed(said, shortName(type));
                }
            } catch (JacksonException notJson) {
                // fall through to the printed form
            }
        }
        return printed(trimmed, null);
    }

    private static Detail printed(String message, String knownType) {
        Matcher line = PRINTED.matcher(message.trim());
        if (line.matches()) {
            return new Detail(null, shortName(line.group(2)), printable(line.group(3), 500));
        }
        return new Detail(null, knownType, printable(message, 500));
    }

    private static Detail withCode(Detail detail, String code) {
        return new Detail(code, detail.exception(), detail.message());
    }

    static String shortName(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Case-insensitive field access: Exchange writes both {@code message} and {@code Message}. */
    private static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return MissingNode.getInstance();
        }
        for (var entry : node.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    /** Text from a remote service made safe to log and show: no control characters, bounded length. */
    static String printable(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .limit(max)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .trim();
        return text.length() > max ? clean + "…" : clean;
    }

    private record Detail(String code, String exception, String message) {}
}
