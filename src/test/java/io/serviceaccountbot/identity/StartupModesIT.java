package io.serviceaccountbot.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.ServiceAccountBotApplication;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

@ExtendWith(OutputCaptureExtension.class)
class StartupModesIT {

    /** An argument, because application.yaml's port would win over a default property. */
    private static final String RANDOM_PORT = "--server.port=0";

    private static SpringApplicationBuilder bot(String... properties) {
        return new SpringApplicationBuilder(ServiceAccountBotApplication.class).properties(properties);
    }

    @Test
    void productionWithOnlyATenantRefusesToStartAndNamesEveryMissingSetting(CapturedOutput output) {
        assertThatThrownBy(() -> bot("bot.identity.tenant-id=7d2f0c55-1234-4abc-9def-0123456789ab")
                        .run(RANDOM_PORT, "--spring.datasource.url="))
                .hasRootCauseInstanceOf(IncompleteConfigurationException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("bot.identity.app-id")
                .contains("bot.identity.client-secret, bot.identity.certificate-path or bot.identity.managed-identity")
                .contains("bot.access.admins-group-id")
                .contains("bot.access.approvers-group-id")
                .contains("bot.secrets.key-vault-uri")
                .contains("spring.datasource.url (the PostgreSQL database");
    }

    @Test
    void sandboxListensOnLoopbackOnlyAndSaysSoLoudly(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = bot().run(RANDOM_PORT)) {
            assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            try (Socket loopback = new Socket("127.0.0.1", port)) {
                assertThat(loopback.isConnected()).isTrue();
            }
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                assertThatThrownBy(() -> new Socket(external.get(), port).close())
                        .as("not reachable on " + external.get())
                        .isInstanceOf(java.io.IOException.class);
            }
        }
        assertThat(output.getOut() + output.getErr()).contains("SANDBOX MODE");
    }

    @Test
    void aLoopbackNameIsAcceptedInSandbox() {
        try (ConfigurableApplicationContext context =
                bot("server.address=localhost").run(RANDOM_PORT)) {
            assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("localhost");
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
