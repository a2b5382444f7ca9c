package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The audit log as people meet it: Alex creates an account and asks for impersonation, tries to approve his own
 * request, Megan approves, the plan runs; every one of those is an entry with who, what, where from and the tenant's
 * request ids, and none holds the generated password or a token. {@code audit <account>} shows them, {@code audit
 * verify} vouches for them, and after a row is edited in the database {@code audit verify} names it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=100ms",
            "bot.provisioning.step-backoff=50ms",
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=100"
        })
@Import(ApprovalTestSupport.class)
class AuditConversationIT {

    static FakeConnector connector;
    static boolean installed;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretStore secrets;

    private ApprovalChat chat;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @BeforeEach
    void meganHasInstalledTheBot() throws Exception {
        chat = new ApprovalChat(connector, port);
        if (!installed) {
            chat.installMegansChatAndTheChannel();
            installed = true;
        }
    }

    @Test
    void everyActOfAnAccountsWayToImpersonationIsAnEntryWithoutASecret() throws Exception {
        String created = chat.alexSays("create service account svc-audit").text();
        assertThat(created).doesNotContainIgnoringCase("password:");
        String number = ApprovalChat.numberOn(
                chat.alexSays("grant impersonation to svc-audit because the audit test needs a plan"));
        JsonNode ownClick = chat.invoke(Activities.ALEX, "Alex Wilber", "approve", number, 1, null);
        assertThat(ownClick.toString()).contains("You asked for this yourself");
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), "looks right");
        connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Verification of svc-audit@example.com"),
                Duration.ofSeconds(30));

        List<Map<String, Object>> entries =
                jdbc.sql("""
                        select actor_name, action, outcome, detail, tenant_request_ids, conversation_id
                        from audit_entry where request_number = :number order by seq
                        """).param("number", number).query().listOfRows();
        assertThat(entries)
                .extracting(row -> row.get("ACTION") + " " + row.get("OUTCOME") + " by " + row.get("ACTOR_NAME"))
                .startsWith(
                        "request.opened pending by Alex Wilber",
                        "decision.approve refused by Alex Wilber",
                        "decision.approve approved by Megan Bowen",
                        "run.started running by Service Account Bot")
                .contains("plan.step done by Service Account Bot")
                .endsWith("run.finished done by Service Account Bot");
        assertThat(entries.get(0).get("CONVERSATION_ID")).isEqualTo(ALEX_CHAT);
        assertThat(entries.get(0).get("DETAIL").toString()).contains("the audit test needs a plan");
        assertThat(entries.get(2).get("CONVERSATION_ID")).isEqualTo(MEGAN_CHAT);
        assertThat(entries.get(2).get("DETAIL").toString()).contains("looks right");
        assertThat(entries)
                .filteredOn(row -> "plan.step".equals(row.get("ACTION")))
                .allSatisfy(row -> assertThat(row.get("TENANT_REQUEST_IDS").toString())
                        .as("the tenant's request ids of a step")
                        .matches("(?s)[0-9a-f-]{36}(\\n[0-9a-f-]{36})*"));

        Map<String, Object> creation = jdbc.sql("""
                        select actor_name, outcome, target, tenant_request_ids, conversation_id
                        from audit_entry where action = 'account.create' and target like 'svc-audit@%'
                        """).query().singleRow();
        assertThat(creation.get("ACTOR_NAME")).isEqualTo("Alex Wilber");
        assertThat(creation.get("OUTCOME")).isEqualTo("done");
        assertThat(creation.get("CONVERSATION_ID")).isEqualTo(ALEX_CHAT);
        assertThat(creation.get("TENANT_REQUEST_IDS").toString()).isNotBlank();

        String password =
                secrets.get(SecretNames.forPassword("svc-audit")).orElseThrow().reveal();
        String everything = String.join(
                "\n",
                jdbc.sql("select concat_ws('|', actor_id, actor_name, action, request_number, target, outcome, detail,"
                                + " tenant_request_ids, conversation_id) from audit_entry")
                        .query(String.class)
                        .list());
        assertThat(everything)
                .doesNotContain(password)
                .doesNotContainIgnoringCase("bearer ")
                .doesNotContain("sandbox-token");
    }

    @Test
    void auditShowsTheNewestEntriesOfAnAccountAsACard() throws Exception {
        chat.alexSays("create service account svc-shown");

        FakeConnector.Call answer = chat.meganSays("audit svc-shown");

        String card = ApprovalChat.text(answer.card());
        assertThat(card)
                .contains("Audit log for svc-shown")
                .contains("account.create")
                .contains("Alex Wilber");
        assertThat(card).doesNotContain("svc-audit");
    }

    @Test
    void theAuditCardAfterAGrantPlanIsSmallAndTheTenantRequestIdsAreOneCommandAway() throws Exception {
        chat.alexSays("create service account svc-size");
        String number = ApprovalChat.numberOn(
                chat.alexSays("grant impersonation to svc-size because the audit card must stay small"));
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), null);
        connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Verification of svc-size@example.com"),
                Duration.ofSeconds(30));
        List<String> tenantIds = jdbc.sql("""
                        select tenant_request_ids from audit_entry
                        where request_number = :number and tenant_request_ids <> '' order by seq
                        """).param("number", number).query(String.class).list().stream()
                .flatMap(ids -> Arrays.stream(ids.split("\n")))
                .toList();
        long entries = jdbc.sql("select count(*) from audit_entry where request_number = :number")
                .param("number", number)
                .query(Long.class)
                .single();

        FakeConnector.Call list = chat.meganSays("audit");
        FakeConnector.Call full = chat.meganSays("audit " + number);

        int listBytes = list.card().toString().getBytes(StandardCharsets.UTF_8).length;
        int fullBytes = full.card().toString().getBytes(StandardCharsets.UTF_8).length;
        System.out.printf(
                "audit card after a grant plan: %d bytes of card JSON; audit %s: %d bytes%n",
                listBytes, number, fullBytes);
        String listed = ApprovalChat.text(list.card());
        assertThat(tenantIds).isNotEmpty();
        assertThat(listed)
                .contains("Audit log, newest first")
                .contains(number + " · svc-size@example.com")
                .contains("Type audit " + number + " to see a request's entries in full")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(listBytes)
                .as("at most 20 short lines, without the tenant's ids")
                .isLessThan(5_000);
        String shown = ApprovalChat.text(full.card());
        assertThat(shown).contains("Audit log of " + number + ", oldest first").contains(tenantIds);
        assertThat(shown.indexOf("request.opened")).isLessThan(shown.indexOf("run.finished"));
        assertThat(((tools.jackson.databind.node.ArrayNode) full.card().get("body")).size())
                .as("the heading and every entry of the request")
                .isEqualTo(entries + 1);
    }

    @Test
    void auditVerifyVouchesForAnUntouchedLogAndNamesAnEditedEntry() throws Exception {
        chat.alexSays("create service account svc-tamper");
        assertThat(chat.meganSays("audit verify").text()).contains("The audit log is intact");

        long seq = jdbc.sql(
                        "select seq from audit_entry where action = 'account.create' and target like 'svc-tamper@%'")
                .query(Long.class)
                .single();
        String outcome = jdbc.sql("select outcome from audit_entry where seq = :seq")
                .param("seq", seq)
                .query(String.class)
                .single();
        jdbc.sql("update audit_entry set outcome = 'failed' where seq = :seq")
                .param("seq", seq)
                .update();
        try {
            String answer = chat.meganSays("audit verify").text();

            assertThat(answer)
                    .contains("tampered with")
                    .contains("entry " + seq + " was changed after it was recorded");
        } finally {
            jdbc.sql("update audit_entry set outcome = :outcome where seq = :seq")
                    .param("outcome", outcome)
                    .param("seq", seq)
                    .update();
        }
        assertThat(chat.meganSays("audit verify").text()).contains("The audit log is intact");
    }
}
