package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.e2e.BotProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replica frozen in the middle of a run ({@code SIGSTOP}, as a long garbage-collection pause or a stalled machine
 * freezes it) until the other replica has taken the run over and finished it, and a revoke of the same access has been
 * approved and carried out meanwhile; then woken ({@code SIGCONT}). The woken run must find that the run is no longer
 * its own and stop at once: one set of step entries in the audit log, the requester's report card left as the report,
 * the revoked access still revoked, and no ERROR in either replica's log.
 */
class FrozenReplicaIT {

    static final String GROUP_STEP = "Create the mail-enabled security group";
    static final String GRANT_TITLE = "Set up Exchange sync for svc-frozen@example.com";
    static final String STOPPED = "is carried on by another replica";
    static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s", Pattern.MULTILINE);
    static final Pattern STEP = Pattern.compile("^step (\\d+):");

    static SharedTenantBots bots;
    static FakeConnector connector;

    @BeforeAll
    static void tenantAndDatabase() throws Exception {
        bots = SharedTenantBots.exchangeServer(Path.of("target/frozen-replica").toAbsolutePath());
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
    void aReplicaWokenAfterItsRunWasTakenOverStopsAtOnceAndLeavesTheRevokeTheReportAndTheAuditLogAlone()
            throws Exception {
        BotProcess one = bots.bot("one");
        BotProcess two = bots.bot("two");
        ApprovalChat chat = new ApprovalChat(connector, one.port());
        chat.installMegansChatAndTheChannel();
        bots.fault(Map.of(
                "service", "EXCHANGE", "matching", "New-DistributionGroup", "status", 0, "times", 1, "hang", "PT20S"));
        String grant = ApprovalChat.numberOn(chat.alexSays("setup exchange sync for svc-frozen because freeze test"));
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, grant), null);
        SharedTenantBots.awaitValue(
                () -> "RUNNING".equals(bots.stepStatus(grant, GROUP_STEP))
                                && bots.answers("Get-DistributionGroup", "Exchange Sync Accounts")
                        ? "made, its answer held back"
                        : null,
                Duration.ofSeconds(90));
        BotProcess frozen = pickedBy(grant, one, two);
        BotProcess survivor = frozen == one ? two : one;
        frozen.freeze();

        bots.awaitEnd(grant, Duration.ofSeconds(90));
        assertThat(bots.status(grant)).as(bots.outcome(grant)).isEqualTo("DONE");
        assertThat(SharedTenantBots.names(bots.cmdlet("Get-DistributionGroupMember", "Exchange Sync Accounts")))
                .as("the survivor finished the grant")
                .containsExactly("svc-frozen");

        ApprovalChat survivorChat = new ApprovalChat(connector, survivor.port());
        String revoke = ApprovalChat.numberOn(
                survivorChat.alexSays("revoke impersonation from svc-frozen because the freeze test is over"));
        survivorChat.meganClicks("approve", survivorChat.cardPostedTo(MEGAN_CHAT, revoke), null);
        bots.awaitEnd(revoke, Duration.ofSeconds(60));
        assertThat(bots.status(revoke)).as(bots.outcome(revoke)).isEqualTo("DONE");
        assertThat(SharedTenantBots.names(bots.cmdlet("Get-DistributionGroupMember", "Exchange Sync Accounts")))
                .doesNotContain("svc-frozen");

        frozen.wake();
        SharedTenantBots.awaitValue(() -> log(frozen).contains(STOPPED) ? "stopped" : null, Duration.ofSeconds(90));
        new ApprovalChat(connector, frozen.port()).alexSays("help");

        assertThat(SharedTenantBots.names(bots.cmdlet("Get-DistributionGroupMember", "Exchange Sync Accounts")))
                .as("the revoke stays: the woken run added nothing back")
                .doesNotContain("svc-frozen");
        Map<Integer, Long> entries = stepEntries(grant);
        assertThat(entries)
                .as("one audit entry per step")
                .hasSize(stepsOf(grant))
                .allSatisfy((step, count) ->
                        assertThat(count).as("entries of step %d", step).isEqualTo(1));
        List<FakeConnector.Call> grantCards = connector.calls().stream()
                .filter(call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains(GRANT_TITLE))
                .toList();
        assertThat(ApprovalChat.text(grantCards.get(grantCards.size() - 1).card()))
                .as("the last the requester's card was changed to is the report")
                .contains("The password is stored in")
                .doesNotContain("is being carried out");
        assertThat(bots.status(grant)).isEqualTo("DONE");
        assertThat(errors(one)).as("ERROR lines of replica one").isEmpty();
        assertThat(errors(two)).as("ERROR lines of replica two").isEmpty();
    }

    /** The replica whose scheduler holds the request's run ({@code picked_by} is {@code pid@host}). */
    private static BotProcess pickedBy(String number, BotProcess one, BotProcess two) {
        String pickedBy = bots.database()
                .jdbc()
                .sql("select t.picked_by from scheduled_tasks t join approval_request r"
                        + " on t.task_instance = cast(r.id as varchar) where r.number = :number and t.picked")
                .param("number", number)
                .query(String.class)
                .single();
        return pickedBy.startsWith(one.pid() + "@") ? one : two;
    }

    private static int stepsOf(String number) {
        return bots.database()
                .jdbc()
                .sql("select count(*) from plan_step s join approval_request r on r.id = s.request_id"
                        + " where r.number = :number")
                .param("number", number)
                .query(Integer.class)
                .single();
    }

    /** How many {@code plan.step} entries the audit log holds for each step of the request. */
    private static Map<Integer, Long> stepEntries(String number) {
        return bots
                .database()
                .jdbc()
                .sql("select detail from audit_entry where request_number = :number and action = 'plan.step'")
                .param("number", number)
                .query(String.class)
                .list()
                .stream()
                .map(STEP::matcher)
                .filter(Matcher::find)
                .collect(Collectors.groupingBy(matcher -> Integer.parseInt(matcher.group(1)), Collectors.counting()));
    }

    private static String log(BotProcess bot) {
        try {
            return Files.readString(bot.log());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> errors(BotProcess bot) {
        return log(bot).lines().filter(line -> ERROR_LINE.matcher(line).find()).toList();
    }
}
