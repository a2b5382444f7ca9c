package io.serviceaccountbot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.provisioning.StepOutcome.Status;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mailbox wait's checks (one read each; the plan run keeps the time between them) and its schedule. */
class MailboxWaitTest {

    private static final DirectoryUser SVC = user(true, true);

    private static DirectoryUser user(boolean enabled, boolean exchangeLicence) {
        return new DirectoryUser(
                "6a1e2f35-0c0a-4f0e-9b41-000000000009",
                "Salesforce Sync",
                "svc-sync@contoso.com",
                "svc-sync",
                enabled,
                "US",
                false,
                List.of(),
                exchangeLicence,
                Set.of(DirectoryUser.DISABLE_PASSWORD_EXPIRATION));
    }

    /** A directory where the account is as given and its mailbox ready or not. */
    private static Directory directory(DirectoryUser account, boolean mailboxReady) {
        return (Directory) Proxy.newProxyInstance(
                Directory.class.getClassLoader(),
                new Class<?>[] {Directory.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "mailboxStatus" -> mailboxReady ? MailboxStatus.READY : MailboxStatus.NOT_PROVISIONED;
                    case "findUser" -> Optional.ofNullable(account);
                    default -> throw new AssertionError("not asked: " + method.getName());
                });
    }

    private static MailboxWait wait(DirectoryUser account, boolean mailboxReady) {
        return new MailboxWait(AccountDirectory.entra(directory(account, mailboxReady)), Duration.ofMinutes(30));
    }

    @Test
    void aNewAccountsMailboxIsWaitedForUntilExchangeHasMadeIt() {
        assertThat(wait(SVC, false).forNewAccount(() -> SVC).check(Duration.ofSeconds(5)))
                .as("not yet: checked again later")
                .isEmpty();
        assertThat(wait(SVC, true).forNewAccount(() -> SVC).check(Duration.ofSeconds(75)))
                .contains(
                        StepOutcome.done(
                                "The mailbox of svc-sync@contoso.com is ready, after waiting 1 minute 15 seconds for Exchange"));
        assertThat(wait(SVC, true).forNewAccount(() -> SVC).check(Duration.ZERO))
                .contains(StepOutcome.done("The mailbox of svc-sync@contoso.com is ready"));
    }

    @Test
    void anExistingAccountWithoutItsMailboxYetIsWaitedFor() {
        assertThat(wait(SVC, false).forExistingAccount(SVC).check(Duration.ZERO))
                .isEmpty();
        assertThat(wait(SVC, true).forExistingAccount(SVC).check(Duration.ZERO))
                .contains(StepOutcome.done("svc-sync@contoso.com is enabled and has a mailbox"));
    }

    @Test
    void whatWaitingCannotCureEndsTheWaitAtOnceWithTheFix() {
        StepOutcome disabled = wait(user(false, true), false)
                .forExistingAccount(SVC)
                .check(Duration.ZERO)
                .orElseThrow();
        assertThat(disabled.status()).isEqualTo(Status.FAILED);
        assertThat(disabled.text()).isEqualTo("svc-sync@contoso.com is disabled");

        StepOutcome unlicensed = wait(user(true, false), false)
                .forExistingAccount(SVC)
                .check(Duration.ZERO)
                .orElseThrow();
        assertThat(unlicensed.status()).isEqualTo(Status.FAILED);
        assertThat(unlicensed.fix()).contains("Assign a licence with Exchange");

        StepOutcome gone =
                wait(null, false).forExistingAccount(SVC).check(Duration.ZERO).orElseThrow();
        assertThat(gone.text()).isEqualTo("svc-sync@contoso.com is no longer in the directory");
    }

    @Test
    void pastTheLimitThePlanStopsAndSaysHowToCarryOn() {
        StepOutcome outcome = wait(SVC, false).forNewAccount(() -> SVC).gaveUp();

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.text())
                .isEqualTo("Exchange has not created the mailbox of svc-sync@contoso.com within 30 minutes");
        assertThat(outcome.fix()).contains("verify svc-sync", "ask again");
    }

    @Test
    void theChecksComeAboutASecondApartThenDoublingUpToAMinute() {
        assertThat(TenantWait.pauseAfter(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(TenantWait.pauseAfter(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(TenantWait.pauseAfter(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(TenantWait.pauseAfter(20)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    @Test
    void thePlanSaysHowLongItWillWait() {
        assertThat(wait(SVC, true).words()).isEqualTo("Wait up to 30 minutes for Exchange to create the mailbox");
        assertThat(wait(SVC, true).wordsFor("svc-sync@contoso.com"))
                .isEqualTo("Check that svc-sync@contoso.com is enabled and has a mailbox, waiting up to 30 minutes for"
                        + " Exchange to create it");
    }
}
