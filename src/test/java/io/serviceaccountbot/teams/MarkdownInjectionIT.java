package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
 * Markdown, links, bare addresses and HTML that someone types, as a justification, a reject comment on the card, a
 * display name or an unknown command, reach the approver's card, its updated copies, the requester's notices and the
 * requests list only as text: escaped so that Teams shows the characters, with addresses defanged so that no client
 * links them ({@link UserText}).
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
class MarkdownInjectionIT {

    /**
     * What an attacker writes, as typed in a Teams message (HTML, as Teams sends it) and in a card's text input
     * (plain), and how each must stand in what the bot sends: escaped, so that it shows as typed.
     */
    record Payload(String typed, String typedShows, String inCard, String inCardShows) {}

    static final List<Payload> PAYLOADS = List.of(
            new Payload(
                    "[Approve here](https://evil.example/x)",
                    "\\[Approve here\\](https\\[:\\]//evil\\[.\\]example/x)",
                    "[Approve here](https://evil.example/x)",
                    "\\[Approve here\\](https\\[:\\]//evil\\[.\\]example/x)"),
            new Payload("**bold**", "\\*\\*bold\\*\\*", "**bold**", "\\*\\*bold\\*\\*"),
            new Payload(
                    "&lt;script&gt;alert(1)&lt;/script&gt;",
                    "\\<script\\>alert(1)\\</script\\>",
                    "<script>alert(1)</script>",
                    "\\<script\\>alert(1)\\</script\\>"),
            new Payload(
                    "<a href=\"https://evil.example\">x</a>",
                    "x",
                    "<a href=\"https://evil.example\">x</a>",
                    "\\<a href=\"https\\[:\\]//evil\\[.\\]example\"\\>x\\</a\\>"),
            new Payload(
                    "![img](https://evil.example/i.png)",
                    "!\\[img\\](https\\[:\\]//evil\\[.\\]example/i\\[.\\]png)",
                    "![img](https://evil.example/i.png)",
                    "!\\[img\\](https\\[:\\]//evil\\[.\\]example/i\\[.\\]png)"),
            new Payload(
                    "https://evil.example/x",
                    "https\\[:\\]//evil\\[.\\]example/x",
                    "https://evil.example/x",
                    "https\\[:\\]//evil\\[.\\]example/x"));

    static FakeConnector connector;
    static boolean installed;

    @LocalServerPort
    int port;

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
        registry.add("bot.teams.approvals-channel", () -> ApprovalConversationIT.CHANNEL);
        registry.add("bot.teams.sends-per-thirty-seconds", () -> "1000");
        registry.add("bot.teams.sends-per-second", () -> "100");
        registry.add("bot.approval.expiry-check", () -> "1h");
    }

    @BeforeEach
    void meganAndTheTeamHaveInstalledTheBot() throws Exception {
        chat = new ApprovalChat(connector, port);
        accounts.withMailbox("svc-sync");
        if (!installed) {
            chat.installMegansChatAndTheChannel();
            installed = true;
        }
    }

    @Test
    void justificationsAndRejectCommentsShowAsTextOnEveryCardAndNotice() throws Exception {
        for (Payload payload : PAYLOADS) {
            FakeConnector.Call alexs = chat.alexSays("grant impersonation to svc-sync because " + payload.typed());
            String number = ApprovalChat.numberOn(alexs);
            FakeConnector.Call megans = chat.cardPostedTo(MEGAN_CHAT, number);
            FakeConnector.Call channels = chat.cardPostedTo(ApprovalConversationIT.CHANNEL, number);
            for (FakeConnector.Call card : List.of(alexs, megans, channels)) {
                assertShownAsText(ApprovalChat.text(card.card()), payload.typed(), payload.typedShows());
            }

            JsonNode answer = chat.meganClicks("reject", megans, payload.inCard());

            assertShownAsText(ApprovalChat.text(answer.path("value")), payload.inCard(), payload.inCardShows());
            FakeConnector.Call notice = connector.await(
                    call -> call.path().contains(ALEX_CHAT)
                            && call.text().contains(number)
                            && call.text().contains("was rejected"),
                    Duration.ofSeconds(10));
            assertShownAsText(notice.text(), payload.inCard(), payload.inCardShows());
            FakeConnector.Call update = connector.await(
                    call -> call.method().equals("PUT")
                            && ApprovalChat.text(call.card()).contains(number)
                            && ApprovalChat.text(call.card()).contains("Rejected by"),
                    Duration.ofSeconds(10));
            assertShownAsText(ApprovalChat.text(update.card()), payload.inCard(), payload.inCardShows());
        }

        String list = ApprovalChat.text(chat.alexSays("requests mine").card());
        for (Payload payload : PAYLOADS) {
            assertShownAsText(list, payload.typed(), payload.typedShows());
        }
    }

    @Test
    void anApproversForgedDisplayNameNeverShowsTheDirectoryNameDoes() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ApprovalConversationIT.ASK));
        String name = "[Approve here](https://evil.example/x)";

        JsonNode answer = chat.invoke(Activities.MEGAN, name, "reject", number, 1, "no");

        assertThat(ApprovalChat.text(answer.path("value")))
                .contains("Rejected by Megan Bowen")
                .doesNotContain("Approve here")
                .doesNotContain("evil");
        FakeConnector.Call notice = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && call.text().contains(number)
                        && call.text().contains("was rejected"),
                Duration.ofSeconds(10));
        assertThat(notice.text()).contains("Megan Bowen").doesNotContain("Approve here");
    }

    @Test
    void anUnknownCommandIsEchoedAsText() throws Exception {
        for (Payload payload : PAYLOADS) {
            String reply = chat.alexSays(payload.typed()).text();

            assertThat(reply).contains("I don't know");
            assertShownAsText(reply, payload.typed(), payload.typedShows());
        }
    }

    /**
     * {@code shown} holds the escaped form and nothing that Teams would render as a link, an image, emphasis or HTML:
     * no web address and no unescaped bracket or angle bracket.
     */
    static void assertShownAsText(String shown, String payload, String escaped) {
        assertThat(shown).as("what the bot sent").contains(escaped);
        if (!escaped.equals(payload)) {
            assertThat(shown).as("what the bot sent").doesNotContain(payload);
        }
        assertThat(shown).as("no address a client would link").doesNotContain("://");
        assertThat(shown).as("no emphasis").doesNotContain("**bold");
        assertThat(shown).as("no link, image or HTML tag").doesNotContainPattern("(?<!\\\\)[\\[\\]<>]");
    }
}
