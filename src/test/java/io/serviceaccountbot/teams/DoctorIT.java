package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.verification.BotAccessCheck;
import io.serviceaccountbot.verification.Check;
import io.serviceaccountbot.verification.VerificationReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code doctor} against the simulated tenant with its permissions removed one at a time: the card names exactly the
 * missing one and what will fail without it, and nothing else; with everything granted, it says so.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bot.sandbox.exchange-flavour=exchange-online")
class DoctorIT {

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    BotAccessCheck check;

    private ApprovalChat chat;
    private SimulatorControlClient control;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @BeforeEach
    void setUp() {
        chat = new ApprovalChat(connector, port);
        control = new SimulatorControlClient(port);
    }

    @AfterEach
    void grantEverythingAgain() {
        control.refusePermissions();
    }

    @Test
    void withEveryPermissionGrantedTheCardSaysSo() throws Exception {
        String card = ApprovalChat.text(chat.alexSays("doctor").card());

        assertThat(card)
                .contains("Every token and permission my commands need is there.")
                .contains("Graph: User.ReadWrite.All")
                .contains("Exchange: Exchange.ManageAsApp")
                .doesNotContain("missing");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "User.ReadWrite.All",
                "LicenseAssignment.ReadWrite.All",
                "MailboxSettings.Read",
                "Domain.Read.All",
                "Application.Read.All",
                "AppRoleAssignment.ReadWrite.All",
                "Exchange.ManageAsApp"
            })
    void eachMissingPermissionIsNamedWithWhatWillFail(String permission) throws Exception {
        control.refusePermissions(permission);

        String card = ApprovalChat.text(chat.alexSays("doctor").card());

        assertThat(card).contains("1 thing is missing").contains(permission).contains("will fail");
        assertThat(card.split(" missing", -1))
                .as("only %s is missing", permission)
                .hasSize(3);
    }

    @Test
    void withoutGroupMembershipTheChatSaysWhyItCannotCheckAndDoctorNamesIt() throws Exception {
        control.refusePermissions("GroupMember.Read.All");

        String answer = chat.alexSays("doctor").text();
        VerificationReport report = check.check();

        assertThat(answer).contains("GroupMember.Read.All").contains("did nothing");
        assertThat(report.checks())
                .filteredOn(line -> line.result() == Check.Result.FAILED)
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.name()).isEqualTo("Graph: GroupMember.Read.All");
                    assertThat(line.detail()).contains("every command");
                    assertThat(line.fix()).contains("grant admin consent");
                });
    }
}
