package io.serviceaccountbot.tenant.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.TenantException.Kind;
import java.net.URI;
import org.junit.jupiter.api.Test;

class KeyVaultClientsTest {

    @Test
    void theVaultNameIsTheFirstLabelOfItsHost() {
        assertThat(KeyVaultClients.vaultName(URI.create("https://kv-bots.vault.azure.net/")))
                .isEqualTo("kv-bots");
        assertThat(KeyVaultClients.vaultName(URI.create("https://kv-cn.vault.azure.cn")))
                .isEqualTo("kv-cn");
        assertThat(KeyVaultClients.vaultName(URI.create("https://127.0.0.1:8443/")))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void onlyLoopbackAddressesSkipTheChallengeResourceCheck() {
        assertThat(KeyVaultClients.isLoopback("127.0.0.1")).isTrue();
        assertThat(KeyVaultClients.isLoopback("127.0.0.2")).isTrue();
        assertThat(KeyVaultClients.isLoopback("localhost")).isTrue();
        assertThat(KeyVaultClients.isLoopback("[::1]")).isTrue();

        assertThat(KeyVaultClients.isLoopback("kv-bots.vault.azure.net")).isFalse();
        assertThat(KeyVaultClients.isLoopback("localhost.attacker.example")).isFalse();
        assertThat(KeyVaultClients.isLoopback("127.0.0.1.nip.io")).isFalse();
        assertThat(KeyVaultClients.isLoopback("10.0.0.4")).isFalse();
        assertThat(KeyVaultClients.isLoopback(null)).isFalse();
    }

    @Test
    void statusCodesMapToWhatTheBotCanDo() {
        assertThat(KeyVaultErrors.kind(401)).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(KeyVaultErrors.kind(403)).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(KeyVaultErrors.kind(404)).isEqualTo(Kind.NOT_FOUND);
        assertThat(KeyVaultErrors.kind(408)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(KeyVaultErrors.kind(429)).isEqualTo(Kind.THROTTLED);
        assertThat(KeyVaultErrors.kind(500)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(KeyVaultErrors.kind(503)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(KeyVaultErrors.kind(400)).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(KeyVaultErrors.kind(409)).isEqualTo(Kind.INVALID_REQUEST);
    }
}
