package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class SandboxSecretsTest {

    private final List<String> asked = new ArrayList<>();
    private final SecretStore store = new SecretStore() {
        @Override
        public StoredSecret put(String name, Secret secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Secret> get(String name) {
            asked.add(name);
            return Optional.of(Secret.of("Value-1-aaaaaaaaaaaaaaaa"));
        }
    };
    private final SandboxSecrets endpoint = new SandboxSecrets(store);

    @Test
    void aCallerOnAnotherMachineGetsNothingEvenWhenTheServerListensThere() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.10");

        ResponseEntity<String> answer = endpoint.read("svc-sync-password", request);

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getBody()).doesNotContain("Value-1");
        assertThat(asked).isEmpty();
    }

    @Test
    void loopbackCallersOverIpv4AndIpv6AreServed() {
        for (String address : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.setRemoteAddr(address);

            assertThat(endpoint.read("svc-sync-password", request).getBody()).isEqualTo("Value-1-aaaaaaaaaaaaaaaa");
        }
    }
}
