package io.serviceaccountbot.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.ServiceAccountBotApplication;
import io.serviceaccountbot.command.PrivilegedCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox as a user starts it, without the tests' in-memory database: its state is an H2 file under {@code
 * bot.storage.directory}, and a restarted sandbox still has its approval requests.
 */
class SandboxRestartIT {

    @TempDir
    Path data;

    @Test
    void aRestartedSandboxStillHasItsPendingRequests() {
        ApprovalRequest opened;
        try (ConfigurableApplicationContext bot = start()) {
            assertThat(bot.getEnvironment().getProperty("spring.datasource.url"))
                    .startsWith("jdbc:h2:file:" + data.resolve("bot").toAbsolutePath() + ";MODE=PostgreSQL");
            opened = bot.getBean(ApprovalRequests.class)
                    .save(ApprovalRequest.open(
                            new ApprovalRequest.Draft(
                                    PrivilegedCommands.parse(
                                            "grant impersonation to svc-sync because Salesforce Exchange Sync"),
                                    List.of("create mail-enabled security group 'Exchange Sync Accounts'"),
                                    new Person("00000000-0000-0000-0000-0000000000020", "Alex Wilber"),
                                    "svc-sync@example.com",
                                    null,
                                    "Salesforce Exchange Sync"),
                            Instant.now(),
                            Duration.ofHours(24),
                            1,
                            Set.of("00000000-0000-0000-0000-0000000000021")));
        }
        assertThat(data.resolve("bot.mv.db")).isRegularFile();

        try (ConfigurableApplicationContext bot = start()) {
            ApprovalRequest found = bot.getBean(ApprovalRequests.class)
                    .byNumber(opened.number())
                    .orElseThrow();
            assertThat(found.id()).isEqualTo(opened.id());
            assertThat(found.status()).isEqualTo(RequestStatus.PENDING);
            assertThat(found.eligibleApprovers())
                    .isEqualTo(opened.eligibleApprovers())
                    .isNotEmpty();
            assertThat(found.justification()).isEqualTo("Salesforce Exchange Sync");
        }
    }

    /** Only the main application.yaml, as in {@code java -jar}: not the tests' in-memory database. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ServiceAccountBotApplication.class)
                .run(
                        "--spring.config.location=classpath:/application.yaml",
                        "--server.port=0",
                        "--bot.storage.directory=" + data,
                        "--bot.secrets.directory=" + data.resolve("secrets"));
    }
}
