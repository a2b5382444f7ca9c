package io.serviceaccountbot.tenant.graph;

import com.microsoft.graph.models.odataerrors.ErrorDetails;
import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What Microsoft Graph answered when a call failed: the HTTP status (0 when there was no answer), Graph's error code
 * and message, the {@code request-id} Graph gives every request, and the properties a conflict is about. It turns
 * into a {@link TenantException} of the right kind, worded for an admin.
 *
 * @param status the HTTP status, or 0 when Graph did not answer
 * @param code Graph's error code, e.g. {@code Request_ResourceNotFound}, or null
 * @param message Graph's error message, or null
 * @param requestId Graph's id of the request, or null
 * @param conflicts the properties Graph reported an object conflict on, e.g. {@code userPrincipalName}
 * @param cause what the SDK threw
 */
record GraphFailure(
        int status, String code, String message, String requestId, List<String> conflicts, RuntimeException cause) {

    static final String SERVICE = "Microsoft Graph";

    static GraphFailure of(RuntimeException e) {
        if (!(e instanceof ApiException api)) {
            return new GraphFailure(0, null, null, null, List.of(), e);
        }
        String requestId = header(api, "request-id");
        String code = null;
        String message = null;
        List<String> conflicts = new ArrayList<>();
        if (api instanceof ODataError odata && odata.getError() != null) {
            MainError error = odata.getError();
            code = error.getCode();
            message = error.getMessage();
            if (requestId == null && error.getInnerError() != null) {
                requestId = error.getInnerError().getRequestId();
            }
            if (error.getDetails() != null) {
                for (ErrorDetails detail : error.getDetails()) {
                    if (detail.getTarget() != null && isConflict(detail.getCode())) {
                        conflicts.add(detail.getTarget());
                    }
                }
            }
            if (message != null && message.startsWith("Another object with the same value for property ")) {
                conflicts.add(message.substring("Another object with the same value for property ".length())
                        .split(" ", 2)[0]);
            }
        }
        return new GraphFailure(api.getResponseStatusCode(), code, message, requestId, List.copyOf(conflicts), e);
    }

    boolean conflictOn(String property) {
        return conflicts.stream().anyMatch(property::equalsIgnoreCase);
    }

    boolean messageMentions(String words) {
        return message != null && message.toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT));
    }

    Kind kind() {
        if (status == 0) {
            return Kind.UNAVAILABLE;
        }
        if (status == 429) {
            return Kind.THROTTLED;
        }
        if (status >= 500) {
            return Kind.UNAVAILABLE;
        }
        if (status == 401 || status == 403) {
            return Kind.ACCESS_DENIED;
        }
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        if (status == 409 || !conflicts.isEmpty()) {
            return Kind.ALREADY_EXISTS;
        }
        return Kind.INVALID_REQUEST;
    }

    /** The failure as the port reports it, with a sentence about what the bot was doing. */
    TenantException toTenantException(String action, Duration timeout) {
        return as(kind(), sentence(action, timeout));
    }

    TenantException as(Kind kind, String sentence) {
        return new TenantException(kind, SERVICE, code, requestId, sentence, cause);
    }

    private String sentence(String action, Duration timeout) {
        String graphSays =
                code == null ? "" : " Graph said: " + code + (message == null ? "" : ", \"" + message + "\"") + ".";
        return switch (kind()) {
            case THROTTLED ->
                "Microsoft Graph is throttling the bot, so it could not " + action
                        + " even after waiting as Graph asked. Try again in a few minutes.";
            case UNAVAILABLE ->
                status == 0
                        ? noAnswer(action, timeout)
                        : "Microsoft Graph could not " + action + " (HTTP " + status + "). Try again later."
                                + graphSays;
            case ACCESS_DENIED ->
                "The bot is not allowed to " + action + " in Microsoft Graph (HTTP " + status
                        + "). Give the bot's app registration the Graph permission or Entra role this needs."
                        + graphSays;
            case NOT_FOUND -> "Microsoft Graph could not " + action + ": it does not exist." + graphSays;
            case ALREADY_EXISTS ->
                "Microsoft Graph could not " + action + ": " + (message == null ? "it exists already." : message);
            default -> "Microsoft Graph refused to " + action + "." + graphSays;
        };
    }

    private String noAnswer(String action, Duration timeout) {
        if (hasCause(SocketTimeoutException.class) || hasCause(InterruptedIOException.class)) {
            return "Microsoft Graph did not answer within " + humane(timeout) + ", so the bot could not " + action
                    + ". Try again later.";
        }
        if (hasCause(ConnectException.class)) {
            return "The bot could not connect to Microsoft Graph to " + action + ". Try again later.";
        }
        return "The bot could not reach Microsoft Graph to " + action + " (" + rootCauseName() + "). Try again later.";
    }

    private boolean hasCause(Class<? extends Throwable> type) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private String rootCauseName() {
        Throwable t = cause;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    private static String humane(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static boolean isConflict(String detailCode) {
        return detailCode != null
                && Set.of("objectconflict", "propertyconflict").contains(detailCode.toLowerCase(Locale.ROOT));
    }

    private static String header(ApiException api, String name) {
        if (api.getResponseHeaders() == null) {
            return null;
        }
        Set<String> values = api.getResponseHeaders().get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }
}
