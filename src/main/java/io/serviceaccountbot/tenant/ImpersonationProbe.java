package io.serviceaccountbot.tenant;

/**
 * The live test of impersonation that Microsoft's Remote Connectivity Analyzer runs: the service account signs in to
 * Exchange Web Services with its own password and asks for a folder of another mailbox with the {@code
 * ExchangeImpersonation} header. Only Exchange itself can say whether the role really works; the role group's
 * membership alone cannot.
 */
public interface ImpersonationProbe {

    /**
     * Tries to open {@code targetMailbox}'s inbox as {@code serviceAccount} impersonating its owner.
     *
     * @throws TenantException when Exchange cannot be reached or answers something the probe cannot read
     */
    ProbeResult probe(String serviceAccount, Secret password, String targetMailbox);

    /**
     * What Exchange answered.
     *
     * @param outcome how it went
     * @param code Exchange's response code, e.g. {@code NoError} or {@code ErrorImpersonateUserDenied}
     * @param message Exchange's words, when it gave any
     */
    record ProbeResult(Outcome outcome, String code, String message) {}

    /** How a probe went. */
    enum Outcome {
        /** The service account opened the mailbox as its owner. */
        IMPERSONATED,
        /** Signed in, but Exchange refused the impersonation. */
        DENIED,
        /** Exchange did not accept the service account's sign-in. */
        SIGN_IN_REFUSED,
        /** There is no such mailbox to impersonate. */
        NO_SUCH_MAILBOX,
        /** Exchange answered with another error. */
        OTHER_ERROR
    }
}
