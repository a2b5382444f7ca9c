package io.serviceaccountbot.identity;

/**
 * In sandbox mode there is no credential: the simulated tenant accepts this fixed, well-known token, so the real
 * clients still send an Authorization header and a client that forgets to is caught by the simulator. The token comes
 * from the {@link SimulatedIdentityPlatform}, which tests can tell to refuse a scope.
 */
final class SandboxAccessTokens implements AccessTokens {

    /** Not a secret: the simulated tenant's only accepted token. */
    static final String SANDBOX_TOKEN = "sandbox-token";

    private final SimulatedIdentityPlatform platform;

    SandboxAccessTokens(SimulatedIdentityPlatform platform) {
        this.platform = platform;
    }

    @Override
    public String forScope(String scope) {
        return platform.issue(scope);
    }
}
