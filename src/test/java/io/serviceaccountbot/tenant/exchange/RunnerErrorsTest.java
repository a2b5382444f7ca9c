package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed job is transient only when the runbook names a transient reason ({@code ExchangeRunner/<Reason>:}). */
class RunnerErrorsTest {

    private static final AutomationAccount ACCOUNT = new AutomationAccount(
            URI.create("https://management.azure.com"), "51766542-3ed7-4a72-a187-0c8ab644ddab", "rg", "aa-exchange");

    private static TenantException failed(String exception, String... errors) {
        return RunnerErrors.jobFailed(
                new AutomationJob(
                        "c40dcecd-2afe-3ee3-a412-a6267ec6d996", "Failed", exception, "Invoke-ExchangeCmdlet", null),
                List.of(errors),
                ACCOUNT);
    }

    @Test
    void eachReasonTheRunbookNamesHasItsKind() {
        assertThat(failed("ExchangeRunner/ExchangeUnavailable: WinRM cannot complete the operation.")
                        .kind())
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(failed("ExchangeRunner/KeyVaultUnavailable: kv-bots did not answer")
                        .isTransient())
                .isTrue();
        assertThat(failed(null, "ExchangeRunner/NotAllowed: Remove-Mailbox is not allowed")
                        .kind())
                .isEqualTo(Kind.INVALID_REQUEST);
        assertThat(failed("ExchangeRunner/InvalidRequest: protocol 2").kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(failed("ExchangeRunner/SecretNotFound: svc-sync-password").kind())
                .isEqualTo(Kind.NOT_FOUND);
        TenantException denied = failed("ExchangeRunner/SecretAccessDenied: Forbidden");
        assertThat(denied.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(denied.fix()).contains("Key Vault Secrets User", "ExchangeRunnerKeyVault");
    }

    @Test
    void withoutAKnownReasonAFailedJobIsNotTransientAndSaysWhereToLook() {
        TenantException unknown = failed("The runbook job failed.", "ExchangeRunner/Mystery: ?", "Out of memory");

        assertThat(unknown.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(unknown.code()).isEqualTo("JobFailed");
        assertThat(unknown.getMessage()).contains("The runbook job failed.", "Out of memory");
        assertThat(unknown.fix()).contains("Look at job c40dcecd-2afe-3ee3-a412-a6267ec6d996", "aa-exchange");
    }
}
