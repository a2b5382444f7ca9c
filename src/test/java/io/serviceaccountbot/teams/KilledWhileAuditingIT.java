package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.audit.AuditLog;
import io.serviceaccountbot.audit.ChainCheck;
import io.serviceaccountbot.e2e.BotProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code kill -9} at the moment between a change and its audit entry, at each such moment of an approved plan: the
 * decision that approves it, the run starting, a step ending, the run ending. A trigger in PostgreSQL holds the entry's
 * insert (as a slow disk or a lock would), the bot is killed while it waits, and PostgreSQL ends the dead bot's
 * session. After each kill, the change and its entry are both there or both absent; after the last restart the plan is
 * done, every change has its entry, once, and the chain is intact.
 */
class KilledWhileAuditingIT {

    /** A thread of its own per task: the common pool of a 2-core machine has one thread, which would run them in turn. */
    static final java.util.concurrent.Executor OWN_THREAD =
            task -> Thread.ofPlatform().daemon().start(task);

    static SharedTenantBots bots;
    static FakeConnector connector;

    @BeforeAll
    static void tenantAndDatabase() throws Exception {
        bots = SharedTenantBots.exchangeServer(
                Path.of("target/killed-while-auditing").toAbsolutePath());
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (bots != null) {
            bots.close();
        }
    }

    @Test
    void noChangeIsSavedWithoutItsAuditEntryWhereverTheBotIsKilled() throws Exception {
        BotProcess bot = bots.bot("bot");
        ApprovalChat chat = new ApprovalChat(connector, bot.port());
        chat.installMegansChatAndTheChannel();
        String number = ApprovalChat.numberOn(chat.alexSays("setup exchange sync for svc-torn because torn test"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);

        holdEntries("new.action = 'decision.approve' and new.outcome = 'approved'");
        CompletableFuture<?> click = CompletableFuture.runAsync(
                () -> {
                    try {
                        chat.meganClicks("approve", card, null);
                    } catch (Exception | AssertionError killedMeanwhile) {
                        // the bot dies before it answers, as Teams would see it
                    }
                },
                OWN_THREAD);
        awaitHeldEntry();
        bot = bots.killAndRestart(bot, () -> {
            endHeldSession();
            assertThat(bots.status(number))
                    .as("the approval was not saved without its entry")
                    .isEqualTo("PENDING");
            assertThat(entries(number, "decision.approve")).isEmpty();
            holdEntries("new.action = 'run.started'");
        });
        click.join();

        chat.meganClicks("approve", card, null);
        awaitHeldEntry();
        bot = bots.killAndRestart(bot, () -> {
            endHeldSession();
            assertThat(bots.status(number))
                    .as("the run did not start without its entry")
                    .isEqualTo("APPROVED");
            assertThat(entries(number, "decision.approve")).containsExactly("approved");
            assertThat(entries(number, "run.started")).isEmpty();
            holdEntries("new.action = 'plan.step' and new.detail like 'step 1:%'");
        });

        awaitHeldEntry();
        bot = bots.killAndRestart(bot, () -> {
            endHeldSession();
            assertThat(stepStatus(number, 0))
                    .as("the first step was not recorded as ended without its entry")
                    .isEqualTo("RUNNING");
            assertThat(entries(number, "plan.step")).isEmpty();
            assertThat(entries(number, "run.started")).containsExactly("running");
            holdEntries("new.action = 'run.finished'");
        });

        awaitHeldEntry();
        bots.killAndRestart(bot, () -> {
            endHeldSession();
            release();
            assertThat(bots.status(number))
                    .as("the run did not end without its entry")
                    .isEqualTo("EXECUTING");
            assertThat(entries(number, "run.finished")).isEmpty();
        });

        bots.awaitEnd(number, Duration.ofSeconds(90));
        assertThat(bots.status(number)).as(bots.outcome(number)).isEqualTo("DONE");
        assertThat(entries(number, "decision.approve")).containsExactly("approved");
        assertThat(entries(number, "run.started")).containsExactly("running");
        assertThat(entries(number, "run.finished")).containsExactly("done");
        List<String> stepEntries = bots.database()
                .jdbc()
                .sql("select detail from audit_entry where request_number = :number and action = 'plan.step'"
                        + " order by seq")
                .param("number", number)
                .query(String.class)
                .list();
        int steps = bots.database()
                .jdbc()
                .sql("select count(*) from plan_step s join approval_request r on r.id = s.request_id"
                        + " where r.number = :number and s.status in ('DONE', 'ALREADY_DONE', 'WAITING')")
                .param("number", number)
                .query(Integer.class)
                .single();
        assertThat(stepEntries).as("one entry for each step that ended").hasSize(steps);
        for (int step = 1; step <= steps; step++) {
            String prefix = "step " + step + ":";
            assertThat(stepEntries)
                    .as("entries of step %d", step)
                    .filteredOn(detail -> detail.startsWith(prefix))
                    .hasSize(1);
        }
        ChainCheck chain = new AuditLog(
                        bots.database().jdbc(),
                        new JdbcTemplate(bots.database().dataSource()),
                        bots.database().transactions(),
                        Clock.systemUTC())
                .verify();
        assertThat(chain.intact()).as(chain.toString()).isTrue();
    }

    /** From now on, an audit entry matching {@code condition} waits in PostgreSQL before it is inserted. */
    private static void holdEntries(String condition) {
        bots.database().jdbc().sql("""
                        create or replace function hold_audit_entry() returns trigger as $$
                        begin
                            perform pg_sleep(600);
                            return new;
                        end
                        $$ language plpgsql
                        """).update();
        bots.database()
                .jdbc()
                .sql("drop trigger if exists hold_audit_entry on audit_entry")
                .update();
        bots.database()
                .jdbc()
                .sql("create trigger hold_audit_entry before insert on audit_entry for each row when (" + condition
                        + ") execute function hold_audit_entry()")
                .update();
    }

    private static void release() {
        bots.database()
                .jdbc()
                .sql("drop trigger if exists hold_audit_entry on audit_entry")
                .update();
    }

    /** Waits until the bot's session is held in the insert of an entry. */
    private static void awaitHeldEntry() throws InterruptedException {
        SharedTenantBots.awaitValue(() -> heldSessions() > 0 ? "held" : null, Duration.ofSeconds(90));
    }

    /**
     * PostgreSQL notices a dead client only when it next talks to it, which a session asleep in a trigger does not; so
     * the test ends the dead bot's session as the server would, and its transaction is rolled back.
     */
    private static void endHeldSession() throws InterruptedException {
        bots.database()
                .jdbc()
                .sql("select pg_terminate_backend(pid) from pg_stat_activity where wait_event = 'PgSleep'"
                        + " and query like '%insert into audit_entry%'")
                .query()
                .listOfRows();
        SharedTenantBots.awaitValue(() -> heldSessions() == 0 ? "ended" : null, Duration.ofSeconds(30));
    }

    private static int heldSessions() {
        return bots.database()
                .jdbc()
                .sql("select count(*) from pg_stat_activity where wait_event = 'PgSleep'"
                        + " and query like '%insert into audit_entry%'")
                .query(Integer.class)
                .single();
    }

    /** The outcomes of the request's entries with this action, oldest first. */
    private static List<String> entries(String number, String action) {
        return bots.database()
                .jdbc()
                .sql("select outcome from audit_entry where request_number = :number and action = :action order by seq")
                .param("number", number)
                .param("action", action)
                .query(String.class)
                .list();
    }

    private static String stepStatus(String number, int ordinal) {
        return bots.database()
                .jdbc()
                .sql("select s.status from plan_step s join approval_request r on r.id = s.request_id"
                        + " where r.number = :number and s.ordinal = :ordinal")
                .param("number", number)
                .param("ordinal", ordinal)
                .query(String.class)
                .single();
    }
}
