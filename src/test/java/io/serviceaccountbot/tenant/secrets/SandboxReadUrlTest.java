package io.serviceaccountbot.tenant.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SandboxReadUrlTest {

    @Test
    void theBotsOwnLoopbackAddressAndTheActualPort() {
        assertThat(SecretsConfiguration.sandboxReadUrl(new MockEnvironment()))
                .isEqualTo("http://127.0.0.1:3978/sandbox/secrets/");
        assertThat(SecretsConfiguration.sandboxReadUrl(new MockEnvironment()
                        .withProperty("server.port", "0")
                        .withProperty("local.server.port", "40123")
                        .withProperty("server.address", "127.0.0.1")))
                .isEqualTo("http://127.0.0.1:40123/sandbox/secrets/");
    }

    @Test
    void aWildcardBindingIsReadOnLoopbackAndAnIpv6AddressGetsBrackets() {
        assertThat(SecretsConfiguration.sandboxReadUrl(new MockEnvironment().withProperty("server.address", "0.0.0.0")))
                .isEqualTo("http://127.0.0.1:3978/sandbox/secrets/");
        assertThat(SecretsConfiguration.sandboxReadUrl(new MockEnvironment().withProperty("server.address", "::1")))
                .isEqualTo("http://[::1]:3978/sandbox/secrets/");
    }

    @Test
    void aContextPathIsKept() {
        assertThat(SecretsConfiguration.sandboxReadUrl(
                        new MockEnvironment().withProperty("server.servlet.context-path", "/bot/")))
                .isEqualTo("http://127.0.0.1:3978/bot/sandbox/secrets/");
    }
}
