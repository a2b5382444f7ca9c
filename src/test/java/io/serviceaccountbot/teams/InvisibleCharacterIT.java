package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A character that does not show (a zero-width space, a bidi override, a soft hyphen) would silently change an alias
 * if it were dropped: {@code svc\u200Bsec1} would become {@code svcsec1}. Over {@code /api/messages}, the bot refuses
 * such a message and names the character and where it is, instead of acting on something other than what was shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvisibleCharacterIT {

    static FakeConnector connector;

    @LocalServerPort
    int port;

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
    void alexsChat() {
        chat = new ApprovalChat(connector, port);
    }

    @Test
    void aZeroWidthSpaceInAnAliasIsRefusedAndNamed() throws Exception {
        String reply = chat.alexSays("create service account svc\u200Bsec1").text();

        assertThat(reply)
                .contains("Your message contains an invisible character (U+200B ZERO WIDTH SPACE) after 'svc';"
                        + " retype it without it.")
                .doesNotContain("svcsec1");
    }

    @Test
    void aBidiOverrideASoftHyphenAndAByteOrderMarkAreRefusedToo() throws Exception {
        assertThat(chat.alexSays("verify svc-\u202Ecnys").text())
                .contains("(U+202E RIGHT-TO-LEFT OVERRIDE) after 'svc-'");
        assertThat(chat.alexSays("verify svc\u00ADsync").text()).contains("(U+00AD SOFT HYPHEN) after 'svc'");
        assertThat(chat.alexSays("\uFEFFverify svc-sync").text())
                .contains("(U+FEFF ZERO WIDTH NO-BREAK SPACE) at the start");
    }

    @Test
    void anEntityTeamsSendsForAnInvisibleCharacterIsRefusedAsWell() throws Exception {
        assertThat(chat.alexSays("<p>create service account svc&#8203;sec1</p>").text())
                .contains("(U+200B ZERO WIDTH SPACE) after 'svc'");
    }

    @Test
    void directionMarksAroundAMessageChangeNoWordAndAreIgnored() throws Exception {
        assertThat(chat.alexSays("\u200Fwhoami\u200E").text()).contains("You are");
    }
}
