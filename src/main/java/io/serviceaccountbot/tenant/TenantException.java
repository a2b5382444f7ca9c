package io.serviceaccountbot.tenant;

/**
 * A tenant API (Microsoft Graph, Exchange admin, a secret store) refused or failed an operation. The kind says what
 * the bot can do about it: retry a transient failure, or stop and tell the admin what to fix. The message is written
 * for an admin and never contains a token or secret; {@link #requestId()} is the service's own id of the request,
 * for the audit log and for Microsoft support. An adapter that knows exactly what the admin must do (which role on
 * which resource, which host to look at) says so in {@link #fix()}; otherwise the kind's general advice applies.
 */
public class TenantException extends RuntimeException {

    /** What went wrong, as far as the bot can tell. */
    public enum Kind {
        /** The object does not exist. */
        NOT_FOUND,
        /** An object with that name or value exists already. */
        ALREADY_EXISTS,
        /** The management role does not exist in this organisation (e.g. ApplicationImpersonation in Exchange Online). */
        ROLE_NOT_FOUND,
        /** The bot's identity lacks a permission or role. */
        ACCESS_DENIED,
        /** The service asked the bot to slow down (429); retry after a while. */
        THROTTLED,
        /** The service failed or did not answer in time (5xx, timeout); retry after a while. */
        UNAVAILABLE,
        /** The service refused the request as invalid; retrying will not help. */
        INVALID_REQUEST
    }

    private final Kind kind;
    private final String service;
    private final String code;
    private final String requestId;
    private final String fix;

    public TenantException(Kind kind, String service, String code, String requestId, String message, Throwable cause) {
        this(kind, service, code, requestId, message, null, cause);
    }

    /**
     * @param fix the one sentence telling the admin what to do, or null for the kind's general advice
     */
    public TenantException(
            Kind kind, String service, String code, String requestId, String message, String fix, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.service = service;
        this.code = code;
        this.requestId = requestId;
        this.fix = fix;
    }

    public Kind kind() {
        return kind;
    }

    /** "Microsoft Graph", "Exchange Online", "Azure Key Vault", … */
    public String service() {
        return service;
    }

    /** The service's error code, e.g. {@code Request_ResourceNotFound}, or null. */
    public String code() {
        return code;
    }

    /** The service's request or correlation id, or null. */
    public String requestId() {
        return requestId;
    }

    /** What the admin must do about this failure in particular, or null when the kind's general advice fits. */
    public String fix() {
        return fix;
    }

    /** Whether trying again later may succeed. */
    public boolean isTransient() {
        return kind == Kind.THROTTLED || kind == Kind.UNAVAILABLE;
    }
}
