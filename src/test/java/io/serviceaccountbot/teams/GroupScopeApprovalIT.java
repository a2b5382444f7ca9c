package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ADELE;
import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.EffectiveAssignment;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The audit's attack on a reused group, over {@code /api/messages}: Alex asks for impersonation through a mail-enabled
 * security group that exists already and has members, one of them Megan, an approver. Every member gains the role, so
 * the card names them, Megan may not approve her own access, and another approver (Adele) may. A group the bot cannot
 * show in full (too many members, or a group inside it) is refused before any request opens, and a member who joins
 * after the approvers read the card stops the run before anything is granted. Each test uses its own group, role group
 * and account, because the tests share one simulated tenant (its default Exchange Server, where ApplicationImpersonation
 * exists; Exchange lists a group's people by address and the bot finds each in Entra ID).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=100ms",
            "bot.provisioning.step-backoff=50ms"
        })
@Import(ApprovalTestSupport.class)
class GroupScopeApprovalIT {

    static final String ROLE = "ApplicationImpersonation";
    static final String MEGAN = "meganb@example.com";
    static final String PATTI = "pattif@example.com";
    static final String LYNNE = "lynner@example.com";

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    Approvals approvals;

    @Autowired
    ExchangeAdmin exchange;

    @Autowired
    ApprovalTestSupport.ServiceAccounts accounts;

    private ApprovalChat chat;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("bot.teams.sends-per-thirty-seconds", () -> "1000");
        registry.add("bot.teams.sends-per-second", () -> "100");
    }

    @BeforeEach
    void newChat() {
        chat = new ApprovalChat(connector, port);
    }

    @Test
    void theCardNamesTheGroupsMembersAndTheMemberWhoApprovesIsRefusedWhileAnotherApproverMayApprove() throws Exception {
        accounts.withMailbox("svc-group-seen");
        group("Sales Sync Members", MEGAN, PATTI, LYNNE);

        FakeConnector.Call reply = chat.alexSays("grant impersonation to svc-group-seen via group \"Sales Sync"
                + " Members\" in role group \"Sales Sync RG\" because Salesforce Exchange Sync");
        String number = ApprovalChat.numberOn(reply);

        assertThat(ApprovalChat.text(reply.card()))
                .contains("4 people: svc-group-seen@example.com and the 3 members of group 'Sales Sync Members':"
                        + " Megan Bowen, Patti Fernandez and Lynne Robbins")
                .contains("Use the existing mail-enabled security group 'Sales Sync Members'; its 3 members gain"
                        + " ApplicationImpersonation too: Megan Bowen, Patti Fernandez and Lynne Robbins");
        int version = approvals.find(new RequestId(number)).orElseThrow().cardVersion();

        JsonNode megansClick = chat.invoke(Activities.MEGAN, "Megan Bowen", "approve", number, version, null);

        assertThat(megansClick.toString())
                .contains("This request gives you access (you are a member of group 'Sales Sync Members'), so"
                        + " another approver has to decide it.");
        assertThat(status(number)).isEqualTo(RequestStatus.PENDING);
        assertThat(exchange.roleGroup("Sales Sync RG")).as("nothing granted").isEmpty();

        JsonNode adelesClick = chat.invoke(ADELE, "Adele Vance", "approve", number, version, null);

        assertThat(adelesClick.toString()).contains("You approved request " + number);
        awaitReportFor(number, "svc-group-seen@example.com holds ApplicationImpersonation");
        assertThat(status(number)).isEqualTo(RequestStatus.DONE);
        assertThat(exchange.effectiveAssignments(ROLE))
                .contains(new EffectiveAssignment(ROLE, "svc-group-seen", "Sales Sync RG", "Sales Sync Members"));
    }

    @Test
    void aGroupWithMoreMembersThanApproversAreShownIsRefusedBeforeAnyRequestOpens() throws Exception {
        String[] eleven = new String[11];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = "svc-eleven-" + (i + 1);
            accounts.withMailbox(eleven[i]);
            eleven[i] += "@example.com";
        }
        accounts.withMailbox("svc-group-crowd");
        group("Crowded Sync Group", eleven);

        FakeConnector.Call reply = chat.alexSays(
                "grant impersonation to svc-group-crowd via group \"Crowded Sync Group\" because Salesforce sync");

        assertThat(reply.text())
                .contains("Group 'Crowded Sync Group' has 11 members, and each of them would gain access")
                .contains("bot.approval.max-group-members")
                .contains("I did not open an approval request, and nothing was changed.");
        assertThat(exchange.effectiveAssignments(ROLE))
                .as("nothing granted through the crowded group")
                .noneMatch(assignment -> "Crowded Sync Group".equals(assignment.via()));
    }

    @Test
    void aGroupHoldingAnotherGroupIsRefusedBecauseItsPeopleCannotBeShown() throws Exception {
        accounts.withMailbox("svc-group-nested");
        group("Inner Sync Group", PATTI);
        group("Outer Sync Group", LYNNE, "Inner Sync Group");

        FakeConnector.Call reply = chat.alexSays(
                "grant impersonation to svc-group-nested via group \"Outer Sync Group\" because Salesforce sync");

        assertThat(reply.text())
                .contains("Group 'Outer Sync Group' contains the group 'Inner Sync Group'; the bot cannot show who"
                        + " that gives access to, so it will not use it. Use a group with people only")
                .contains("I did not open an approval request");
    }

    @Test
    void someoneWhoJoinsTheGroupAfterTheApproversReadTheCardStopsTheRunBeforeAnythingIsGranted() throws Exception {
        accounts.withMailbox("svc-group-late");
        group("Late Join Group", PATTI);
        String number = ApprovalChat.numberOn(chat.alexSays("grant impersonation to svc-group-late via group \"Late"
                + " Join Group\" in role group \"Late Join RG\" because Salesforce Exchange Sync"));
        int version = approvals.find(new RequestId(number)).orElseThrow().cardVersion();
        exchange.addGroupMember("Late Join Group", LYNNE);

        chat.invoke(ADELE, "Adele Vance", "approve", number, version, null);

        String report = awaitReportFor(number, "gained members since approval");
        assertThat(report)
                .contains("Group 'Late Join Group' gained members since approval: Lynne Robbins")
                .contains("Ask again so approvers see them");
        assertThat(status(number)).isEqualTo(RequestStatus.FAILED);
        assertThat(exchange.securityGroup("Late Join Group").orElseThrow().members())
                .as("the account was not added")
                .containsExactlyInAnyOrder(PATTI, LYNNE);
        assertThat(exchange.roleGroup("Late Join RG"))
                .as("no role group holds the group")
                .isEmpty();
        assertThat(exchange.effectiveAssignments(ROLE))
                .noneMatch(assignment -> "Late Join Group".equals(assignment.via()));
    }

    /** A mail-enabled security group with these members (addresses, or names of groups), made afresh. */
    private void group(String name, String... members) {
        exchange.ensureSecurityGroup(name);
        for (String member : members) {
            exchange.addGroupMember(name, member);
        }
    }

    private String awaitReportFor(String number, String containing) throws Exception {
        return ApprovalChat.text(connector
                .await(
                        call -> call.path().contains(ALEX_CHAT)
                                && ApprovalChat.text(call.card()).contains(containing),
                        Duration.ofSeconds(30))
                .card());
    }

    private RequestStatus status(String number) {
        return approvals.find(new RequestId(number)).orElseThrow().status();
    }
}
