package io.serviceaccountbot.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.ServiceAccountBotApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sandbox mode has no authentication, so it must never be one setting away from an open admin console: it refuses to
 * start on an address other machines can reach, and refuses requests that a proxy or tunnel forwarded to it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxExposureIT {

    private static final String SANDBOX_ACTIVITY = """
            {"type":"message","id":"m-1","text":"create service account svc-open",
             "serviceUrl":"http://127.0.0.1:9/","channelId":"msteams",
             "from":{"id":"29:alex","aadObjectId":"00000000-0000-4000-8000-00000000a1e0","name":"Alex"},
             "conversation":{"id":"a:open","conversationType":"personal"},
             "recipient":{"id":"28:bot"}}""";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static SpringApplicationBuilder bot(String... properties) {
        return new SpringApplicationBuilder(ServiceAccountBotApplication.class).properties(properties);
    }

    @Test
    void refusesToStartOnTheMachinesNetworkAddressAndNothingAnswersThere(CapturedOutput output) throws Exception {
        Optional<InetAddress> external = externalAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                external.isPresent(), "this machine has no non-loopback IPv4 address to attack from");
        String host = external.get().getHostAddress();
        int port = freePort();

        assertThatThrownBy(() -> bot("server.address=" + host).run("--server.port=" + port))
                .isInstanceOf(SandboxExposedException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("server.address=" + host)
                .contains("sandbox mode");
        for (String path : new String[] {"/sandbox/control/faults", "/sandbox/graph/v1.0/users", "/api/messages"}) {
            HttpRequest attack = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                    .timeout(Duration.ofSeconds(2))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SANDBOX_ACTIVITY))
                    .build();
            assertThatThrownBy(() -> http.send(attack, HttpResponse.BodyHandlers.discarding()))
                    .as("nothing listens on " + path)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void refusesToStartOnTheWildcardAddressOrAnExposedManagementPort() {
        assertThatThrownBy(() -> bot("server.address=0.0.0.0").run("--server.port=0"))
                .isInstanceOf(SandboxExposedException.class)
                .hasMessageContaining("server.address=0.0.0.0");
        assertThatThrownBy(() -> bot("management.server.address=::").run("--server.port=0"))
                .isInstanceOf(SandboxExposedException.class)
                .hasMessageContaining("management.server.address=::");
    }

    @Test
    void refusesRequestsForwardedByAProxyOrTunnelOnEveryPath() throws Exception {
        try (ConfigurableApplicationContext context = bot().run("--server.port=0")) {
            String base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) context).getWebServer().getPort();

            for (String header : SandboxCallerFilter.FORWARDING_HEADERS) {
                String value = header.equals("Forwarded") ? "for=203.0.113.7" : "203.0.113.7";
                assertThat(send(base, "DELETE", "/sandbox/control/faults", header, value))
                        .as("control API forwarded with " + header)
                        .satisfies(response -> {
                            assertThat(response.statusCode()).isEqualTo(403);
                            assertThat(response.body()).contains("serves only requests made on its own machine");
                        });
            }
            assertThat(send(base, "POST", "/api/messages", "X-Forwarded-For", "203.0.113.7")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(send(base, "GET", "/sandbox/graph/v1.0/users", "X-Forwarded-Host", "evil.example")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(send(base, "GET", "/actuator/prometheus", "Forwarded", "for=203.0.113.7")
                            .statusCode())
                    .isEqualTo(403);

            assertThat(send(base, "DELETE", "/sandbox/control/faults", null, null)
                            .statusCode())
                    .as("the same request made on this machine")
                    .isEqualTo(204);
            assertThat(send(base, "GET", "/actuator/prometheus", null, null).statusCode())
                    .isEqualTo(200);
        }
    }

    private HttpResponse<String> send(String base, String method, String path, String header, String value)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        method.equals("POST")
                                ? HttpRequest.BodyPublishers.ofString(SANDBOX_ACTIVITY)
                                : HttpRequest.BodyPublishers.noBody());
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Optional<InetAddress> externalAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof java.net.Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
