package io.serviceaccountbot.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.ServiceAccountBotApplication;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.GroupAccess;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.PrivilegedCommands;
import io.serviceaccountbot.execution.RunEnded;
import io.serviceaccountbot.plans.ProvisioningReport;
import io.serviceaccountbot.plans.StepOutcome;
import io.serviceaccountbot.storage.TestDatabase;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The end of a time-bound grant is kept in the database, not in memory: a grant for 1 minute that ran on a bot which
 * then stopped is revoked by the bot started again on the same state, when the minute is over, on the sandbox's H2
 * file and on PostgreSQL. The account is the seeded Exchange Server organisation's legacy holder, and the grant's run
 * is announced as the plan would announce it.
 */
class GrantEndAcrossRestartIT {

    static final String ACCOUNT = "svc-legacy-crm@example.com";

    @TempDir
    Path data;

    @Test
    void onTheSandboxsH2FileAGrantThatRanBeforeARestartIsRevokedByTheRestartedBotWhenItEnds() throws Exception {
        endsAcrossARestart(List.of());
    }

    @Test
    void onPostgresqlAGrantThatRanBeforeARestartIsRevokedByTheRestartedBotWhenItEnds() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            endsAcrossARestart(List.of(
                    "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user()));
        }
    }

    private void endsAcrossARestart(List<String> database) throws Exception {
        ApprovalRequest grant;
        try (ConfigurableApplicationContext bot = start(database)) {
            assertThat(holds(bot)).as("the seeded holder").isTrue();
            grant = bot.getBean(Approvals.class)
                    .open(new ApprovalRequest.Draft(
                            PrivilegedCommands.parse(
                                    "grant impersonation to svc-legacy-crm for 1 minute because the CRM's last export"),
                            List.of("Add svc-legacy-crm@example.com to role group 'Legacy CRM Impersonation'"),
                            new Person("00000000-0000-0000-0000-0000000000020", "Alex Wilber"),
                            ACCOUNT,
                            null,
                            "the CRM's last export",
                            GroupAccess.none()));
            bot.publishEvent(new RunEnded(
                    grant.id(),
                    grant.number(),
                    ACCOUNT,
                    new ProvisioningReport(
                            "Grant ApplicationImpersonation to " + ACCOUNT,
                            List.of(StepOutcome.alreadyDone(ACCOUNT + " holds ApplicationImpersonation")),
                            null),
                    "done"));
            assertThat(bot.getBean(JdbcClient.class)
                            .sql("select count(*) from scheduled_tasks where task_name = 'revoke-at-grant-end'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }

        try (ConfigurableApplicationContext bot = start(database)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while ((holds(bot) || revokes(bot, grant).isEmpty())
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            assertThat(holds(bot)).as("revoked by the restarted bot").isFalse();
            assertThat(revokes(bot, grant)).as("and audited").containsExactly("done");
        }
    }

    private static List<String> revokes(ConfigurableApplicationContext bot, ApprovalRequest grant) {
        return bot.getBean(JdbcClient.class)
                .sql("select outcome from audit_entry where action = 'grant.end.revoked' and request_number = :number")
                .param("number", grant.number().value())
                .query(String.class)
                .list();
    }

    private static boolean holds(ConfigurableApplicationContext bot) {
        return bot.getBean(ExchangeAdmin.class).effectiveAssignments("ApplicationImpersonation").stream()
                .anyMatch(holder -> holder.user().toLowerCase().contains("svc-legacy-crm"));
    }

    /**
     * Only the main application.yaml, as in {@code java -jar}, on one data directory for both starts (the simulated
     * tenant's file, and the bot's H2 file unless {@code database} names another).
     */
    private ConfigurableApplicationContext start(List<String> database) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--spring.config.location=classpath:/application.yaml",
                "--server.port=0",
                "--bot.storage.directory=" + data,
                "--bot.secrets.directory=" + data.resolve("secrets"),
                "--bot.sandbox.runner.job-start-delay=0ms",
                "--bot.exchange-server.runner.poll-interval=20ms",
                "--bot.provisioning.run-poll-interval=1s"));
        arguments.addAll(database);
        return new SpringApplicationBuilder(ServiceAccountBotApplication.class).run(arguments.toArray(String[]::new));
    }
}
