package io.serviceaccountbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.execution.PlanPaused;
import io.serviceaccountbot.execution.PlanProgress;
import io.serviceaccountbot.teams.ApprovalChat;
import io.serviceaccountbot.teams.BotMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the requester's progress card says while the replica running the plan is gone and another is to resume it. */
class PausedCardTest {

    @Test
    void theCardSaysTheRunIsPausedAndResumesOnAnotherReplicaWithinAboutTheTimeLeft() {
        PlanPaused paused = new PlanPaused(
                "R-7K2QM4",
                List.of(
                        new PlanProgress.Line(
                                "Create the user svc-sync@contoso.com",
                                PlanProgress.State.DONE,
                                "Created the user svc-sync@contoso.com",
                                null),
                        new PlanProgress.Line(
                                "Add svc-sync@contoso.com to it", PlanProgress.State.RUNNING, null, null)),
                Duration.ofSeconds(17));

        BotMessage card = ReportCards.paused(paused);

        String text = ApprovalChat.text(card.card());
        assertThat(text)
                .contains("Request R-7K2QM4 is paused")
                .contains("1 step done so far; resuming on another replica within about 20 s.")
                .contains("✅ **Done:** Created the user svc-sync@contoso.com")
                .contains("⏸️ **Paused:** Add svc-sync@contoso.com to it")
                .contains("⏸️ **Paused:** the replica carrying this out stopped answering; another replica resumes it"
                        + " within about 20 s, at the step it was in, and the later steps follow.");
        assertThat(card.text()).isEqualTo("Request R-7K2QM4 is paused: resuming on another replica within about 20 s");
    }

    @Test
    void aTakeoverThatIsDueAnyMomentSaysWithinAboutFiveSeconds() {
        BotMessage card = ReportCards.paused(new PlanPaused("R-7K2QM4", List.of(), Duration.ZERO));

        assertThat(ApprovalChat.text(card.card()))
                .contains("0 steps done so far; resuming on another replica within" + " about 5 s.");
    }
}
