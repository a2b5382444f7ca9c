package io.serviceaccountbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalPolicy;
import io.serviceaccountbot.approval.ApprovalProperties;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.approval.ApprovalRequests;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.ApproverDirectory;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.chat.approvals.ApprovalCardViews;
import io.serviceaccountbot.command.PrivilegedCommands;
import io.serviceaccountbot.command.RequestFilter;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.teams.Activities;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.ConversationReferences;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The approval card as JSON: what its buttons carry, who gets a refresh, and text that arrives as typed. */
class ApprovalCardsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    static final Person ALEX = new Person("alex", "Alex Wilber");

    private final Map<String, ConversationReference> chats = new ConcurrentHashMap<>();
    private final ApprovalCardViews views = new ApprovalCardViews(new Chats(), CLOCK);

    private static ApprovalRequest request(Set<String> approvers, String justification, String targetObjectId) {
        Approvals approvals = new Approvals(
                new SameObjectRequests(),
                new Approvers(approvers),
                new ApprovalProperties(1, Duration.ofHours(24), Duration.ofMinutes(1), 10),
                ApprovalPolicy.standard(),
                CLOCK,
                event -> {},
                TransactionOperations.withoutTransaction());
        return approvals.open(new ApprovalRequest.Draft(
                PrivilegedCommands.parse("grant impersonation to svc-sync because " + justification),
                List.of("Create the mail-enabled security group 'Exchange Sync Accounts'", "Add svc-sync to it"),
                ALEX,
                "svc-sync",
                targetObjectId,
                justification));
    }

    private void personalChat(String aadObjectId) {
        chats.put(
                aadObjectId,
                new ConversationReference(
                        "https://smba.example/",
                        "a:" + aadObjectId,
                        "personal",
                        "t",
                        "28:bot",
                        "Bot",
                        "29:" + aadObjectId,
                        null,
                        aadObjectId));
    }

    @Test
    void theButtonsOfAnApproversCardCarryOnlyTheRequestNumberAndTheCardVersion() {
        ApprovalRequest request = request(Set.of("megan"), "sync", null);

        ObjectNode card = views.forViewer(request, "megan", null);

        assertThat(card.path("version").asString()).isEqualTo("1.5");
        assertThat(card.path("actions")).hasSize(2);
        for (JsonNode action : card.path("actions")) {
            assertThat(action.path("type").asString()).isEqualTo("Action.Execute");
            assertThat(action.path("data").toString())
                    .isEqualTo("{\"request\":\"" + request.number() + "\",\"cardVersion\":1}");
        }
        assertThat(card.toString()).contains("\"id\":\"comment\"");
    }

    @Test
    void everyoneElseSeesTheStatusAndOnlyApproversWithAChatAreAskedToRefresh() {
        personalChat("megan");
        ApprovalRequest request = request(Set.of("megan", "adele"), "sync", null);

        ObjectNode isaiahs = views.forViewer(request, "isaiah", null);
        ObjectNode shared = views.shared(request, List.of());

        assertThat(isaiahs.has("actions")).isFalse();
        assertThat(shared.has("actions")).isFalse();
        assertThat(shared.path("refresh").path("userIds").toString()).isEqualTo("[\"29:megan\"]");
        assertThat(shared.path("refresh").path("action").path("verb").asString())
                .isEqualTo("refresh");
    }

    @Test
    void atMostSixtyApproversAreAskedToRefresh() {
        Set<String> approvers = IntStream.range(0, 70)
                .mapToObj(i -> "approver-%02d".formatted(i))
                .collect(Collectors.toSet());
        approvers.forEach(this::personalChat);

        ObjectNode card = views.shared(request(approvers, "sync", null), List.of());

        assertThat(card.path("refresh").path("userIds")).hasSize(60);
    }

    @Test
    void theRequesterAndTheTargetGetNoButtonsEvenWhenTheyAreApprovers() {
        ApprovalRequest request = request(Set.of("alex", "megan", "svc"), "sync", "svc");

        assertThat(views.forViewer(request, "alex", null).has("actions")).isFalse();
        assertThat(views.forViewer(request, "svc", null).has("actions")).isFalse();
        assertThat(views.forViewer(request, "megan", null).has("actions")).isTrue();
        assertThat(ApprovalCardViews.deciders(request)).containsExactly("megan");
    }

    @Test
    void aDecidedRequestShowsWhoDecidedAndAsksNoRefresh() {
        personalChat("megan");
        ApprovalRequest request = request(Set.of("megan"), "sync", null);
        request.decide(
                new Person("megan", "Megan Bowen"),
                Decision.Verdict.REJECT,
                "wrong account",
                CLOCK.instant(),
                ApprovalPolicy.standard());

        ObjectNode card = views.forViewer(request, "megan", null);

        assertThat(card.has("refresh")).isFalse();
        assertThat(card.has("actions")).isFalse();
        assertThat(card.toString()).contains("Rejected by Megan Bowen: wrong account");
    }

    @Test
    void textWithQuotesBracketsAndLineBreaksArrivesEscapedSoThatTeamsShowsItAsTyped() throws Exception {
        String justification = "Bob's \"sync\" <b>now</b> & {later}\nback\\slash";
        ApprovalRequest request = request(Set.of("megan"), justification, null);

        JsonNode sent = Activities.JSON.readTree(BotMessage.card("s", views.forViewer(request, "megan", null))
                .cardContent()
                .toString());

        List<String> values = new ArrayList<>();
        sent.findValues("value").forEach(value -> values.add(value.asString()));
        assertThat(values).contains("Bob's \"sync\" \\<b\\>now\\</b\\> & {later}\nback\\\\slash");
    }

    private final class Chats implements ConversationReferences {

        @Override
        public void save(ConversationReference reference) {}

        @Override
        public Optional<ConversationReference> find(String serviceUrl, String conversationId) {
            return Optional.empty();
        }

        @Override
        public List<ConversationReference> personalChatsOf(String aadObjectId) {
            return Optional.ofNullable(chats.get(aadObjectId)).stream().toList();
        }

        @Override
        public List<ConversationReference> channel(String conversationId) {
            return List.of();
        }
    }

    private record Approvers(Set<String> approvers) implements ApproverDirectory {

        @Override
        public boolean isApprover(String aadObjectId) {
            return approvers.contains(aadObjectId);
        }
    }

    /** Keeps the very object saved; enough for rendering. */
    private static final class SameObjectRequests implements ApprovalRequests {

        private final Map<RequestId, ApprovalRequest> saved = new ConcurrentHashMap<>();

        @Override
        public ApprovalRequest save(ApprovalRequest request) {
            saved.put(request.number(), request);
            return request;
        }

        @Override
        public Optional<ApprovalRequest> byNumber(RequestId number) {
            return Optional.ofNullable(saved.get(number));
        }

        @Override
        public Optional<ApprovalRequest> byId(ApprovalRequestId id) {
            return saved.values().stream().filter(r -> r.id().equals(id)).findFirst();
        }

        @Override
        public List<ApprovalRequest> list(RequestFilter filter, String viewer, int limit) {
            return List.copyOf(saved.values());
        }

        @Override
        public List<ApprovalRequest> pendingWithEligibleApprover(String aadObjectId) {
            return List.of();
        }

        @Override
        public List<ApprovalRequest> pendingExpiredBy(Instant now) {
            return List.of();
        }

        @Override
        public List<ApprovalRequestId> idsInStatus(
                java.util.Set<io.serviceaccountbot.approval.RequestStatus> statuses) {
            return saved.values().stream()
                    .filter(request -> statuses.contains(request.status()))
                    .map(ApprovalRequest::id)
                    .toList();
        }
    }
}
