package io.serviceaccountbot.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.storage.RepositoryContract;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link JdbcGrantReviews} keeps and finds; each subclass runs it on one database. */
abstract class GrantReviewsContract extends RepositoryContract {

    static final Instant OPENED = Instant.parse("2026-12-07T10:00:00.123456Z");
    static final Person MEGAN = new Person("00000000-0000-0000-0000-0000000000021", "Megan Bowen");
    static final Person ADELE = new Person("00000000-0000-0000-0000-0000000000022", "Adele Vance");

    private GrantReviews reviews;

    @Override
    protected String[] tables() {
        return new String[] {"grant_review"};
    }

    @BeforeEach
    void newRepository() {
        reviews = new JdbcGrantReviews(database().jdbc());
    }

    @Test
    void aReviewComesBackAsItWasAddedAndIsTheGrantsUndecidedOne() {
        GrantReview review = review("account:svc-sync@example.com");

        reviews.add(review);

        assertThat(reviews.find(review.id())).contains(review);
        assertThat(reviews.undecidedFor("account:svc-sync@example.com")).contains(review);
        assertThat(reviews.undecidedFor("account:svc-other@example.com")).isEmpty();
    }

    @Test
    void ofTwoAnswersAtOnceTheFirstDecidesAndTheSecondChangesNothing() {
        GrantReview review = review("account:svc-sync@example.com");
        reviews.add(review);
        Instant at = OPENED.plusSeconds(60);

        assertThat(reviews.move(
                        review.id(), GrantReview.Status.UNDECIDED, GrantReview.Status.KEPT, MEGAN, at, null, null))
                .isTrue();
        assertThat(reviews.move(
                        review.id(),
                        GrantReview.Status.UNDECIDED,
                        GrantReview.Status.REVOKING,
                        ADELE,
                        at.plusSeconds(1),
                        null,
                        null))
                .isFalse();

        GrantReview kept = reviews.find(review.id()).orElseThrow();
        assertThat(kept.status()).isEqualTo(GrantReview.Status.KEPT);
        assertThat(kept.decidedBy()).isEqualTo(MEGAN);
        assertThat(kept.decidedAt()).isEqualTo(at);
        assertThat(kept.deadline()).isEqualTo(review.deadline());
        assertThat(reviews.undecidedFor("account:svc-sync@example.com")).isEmpty();
    }

    @Test
    void anEscalationMovesTheDeadlineAndKeepsWhoDecidedUnset() {
        GrantReview review = review("app:c55d6177-918e-4745-96d3-1715194bc7e8");
        reviews.add(review);
        Instant second = OPENED.plusSeconds(7200);

        assertThat(reviews.move(
                        review.id(),
                        Set.of(GrantReview.Status.OPEN),
                        GrantReview.Status.ESCALATED,
                        null,
                        OPENED.plusSeconds(3600),
                        second,
                        null))
                .isTrue();
        assertThat(reviews.move(
                        review.id(),
                        Set.of(GrantReview.Status.ESCALATED),
                        GrantReview.Status.UNANSWERED,
                        null,
                        second,
                        null,
                        null))
                .isTrue();

        GrantReview lapsed = reviews.find(review.id()).orElseThrow();
        assertThat(lapsed.deadline()).isEqualTo(second);
        assertThat(lapsed.decidedBy()).isNull();
        assertThat(lapsed.decidedAt()).isNull();
        assertThat(reviews.inStatus(Set.of(GrantReview.Status.UNANSWERED)))
                .extracting(GrantReview::id)
                .containsExactly(review.id());
    }

    private static GrantReview review(String subject) {
        return new GrantReview(
                UUID.randomUUID(),
                subject,
                "ApplicationImpersonation of svc-sync@example.com",
                new RequestId("R-7K2QM4"),
                OPENED,
                OPENED.plusSeconds(3600),
                GrantReview.Status.OPEN,
                null,
                null,
                null);
    }
}
