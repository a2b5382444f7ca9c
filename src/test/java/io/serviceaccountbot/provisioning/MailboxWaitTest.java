package io.serviceaccountbot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.provisioning.StepOutcome.Status;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MailboxWaitTest {

    private static final DirectoryUser SVC = new DirectoryUser(
            "6a1e2f35-0c0a-4f0e-9b41-000000000009",
            "Salesforce Sync",
            "svc-sync@contoso.com",
            "svc-sync",
            true,
            "US",
            false,
            List.of(),
            true,
            Set.of(DirectoryUser.DISABLE_PASSWORD_EXPIRATION));

    private final List<Duration> pauses = new ArrayList<>();
    private final AtomicInteger checks = new AtomicInteger();

    /** A directory whose mailbox is ready from the given check on; nothing else is asked of it. */
    private Directory mailboxReadyAtCheck(int ready) {
        return (Directory) Proxy.newProxyInstance(
                Directory.class.getClassLoader(), new Class<?>[] {Directory.class}, (proxy, method, args) -> {
                    assertThat(method.getName()).isEqualTo("mailboxStatus");
                    return checks.incrementAndGet() >= ready ? MailboxStatus.READY : MailboxStatus.NOT_PROVISIONED;
                });
    }

    @Test
    void itAsksAgainAfterAGrowingPauseUntilTheMailboxIsThere() {
        MailboxWait wait = new MailboxWait(mailboxReadyAtCheck(3), Duration.ofMinutes(30), pauses::add);

        StepOutcome outcome = wait.await(SVC);

        assertThat(outcome.status()).isEqualTo(Status.DONE);
        assertThat(outcome.text()).startsWith("The mailbox of svc-sync@contoso.com is ready, after");
        assertThat(checks).hasValue(3);
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(pauses.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aMailboxThatIsThereAlreadyNeedsNoWait() {
        StepOutcome outcome = new MailboxWait(mailboxReadyAtCheck(1), Duration.ofMinutes(30), pauses::add).await(SVC);

        assertThat(outcome).isEqualTo(StepOutcome.done("The mailbox of svc-sync@contoso.com is ready"));
        assertThat(pauses).isEmpty();
    }

    @Test
    void pastTheLimitThePlanStopsAndSaysHowToCarryOn() {
        StepOutcome outcome = new MailboxWait(mailboxReadyAtCheck(99), Duration.ZERO, pauses::add).await(SVC);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.text())
                .isEqualTo("Exchange has not created the mailbox of svc-sync@contoso.com within 0" + " seconds");
        assertThat(outcome.fix()).contains("verify svc-sync", "ask again");
    }

    @Test
    void thePlanSaysHowLongItWillWait() {
        assertThat(new MailboxWait(mailboxReadyAtCheck(1), Duration.ofMinutes(30), pauses::add).words())
                .isEqualTo("Wait up to 30 minutes for Exchange to create the mailbox");
    }
}
