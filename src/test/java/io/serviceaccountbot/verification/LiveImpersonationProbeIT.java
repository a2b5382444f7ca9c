package io.serviceaccountbot.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandParser;
import io.serviceaccountbot.command.ParseResult;
import io.serviceaccountbot.command.PrivilegedCommands;
import io.serviceaccountbot.plans.ServiceAccountCreation;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.MailboxStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The live impersonation probe ({@code verify <account> against <mailbox>}) against the simulated Exchange Web
 * Services of the sandbox's default Exchange Server, offering only Negotiate and NTLM as Exchange Server does by default
 * (no Basic): an account the bot created in Active Directory signs in with its stored password through an NTLM
 * handshake and opens another mailbox only once it holds ApplicationImpersonation; an account the bot did not create
 * cannot be probed, and says so.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.ews-basic=false"
        })
class LiveImpersonationProbeIT {

    static final Person ALEX = new Person("00000000-0000-0000-0000-0000000000020", "Alex Wilber");
    static final Person MEGAN = new Person("00000000-0000-0000-0000-0000000000021", "Megan Bowen");

    @Autowired
    AccountVerification verification;

    @Autowired
    ServiceAccountCreation creation;

    @Autowired
    AccountDirectory directory;

    @Autowired
    Approvals approvals;

    @Test
    void theProbeFailsUntilTheAccountHoldsTheRoleAndThenOpensTheMailbox() throws Exception {
        creation.create((Command.CreateServiceAccount) parse("create service account svc-probe"), ALEX);
        awaitMailbox("svc-probe@example.com");

        Check before = probe("svc-probe", "meganb@example.com");

        assertThat(before.result()).isEqualTo(Check.Result.FAILED);
        assertThat(before.detail()).contains("refused", "ErrorImpersonateUserDenied");
        assertThat(before.fix()).contains("grant impersonation to svc-probe");

        grantImpersonation("svc-probe");
        Check after = probe("svc-probe", "meganb@example.com");

        assertThat(after.result()).as(after.detail()).isEqualTo(Check.Result.PASSED);
        assertThat(after.detail()).contains("opened the inbox of meganb@example.com");
        assertThat(probe("svc-probe", "nobody@example.com").detail()).contains("no mailbox nobody@example.com");
    }

    @Test
    void anAccountTheBotDidNotCreateIsNotProbedAndWithoutAMailboxNothingIsTried() {
        Check notOurs = probe("meganb@example.com", "adelev@example.com");
        Check noMailbox = verification.verify(AccountRef.of("meganb"), Optional.empty()).checks().stream()
                .filter(check -> check.name().equals(AccountVerification.PROBE))
                .findFirst()
                .orElseThrow();

        assertThat(notOurs.result()).isEqualTo(Check.Result.NOT_APPLICABLE);
        assertThat(notOurs.detail()).contains("did not create", "Remote Connectivity Analyzer");
        assertThat(noMailbox.result()).isEqualTo(Check.Result.NOT_APPLICABLE);
        assertThat(noMailbox.detail()).contains("against");
    }

    private Check probe(String account, String mailbox) {
        AccountRef ref = AccountRef.of(account);
        List<Check> checks = verification.verify(ref, Optional.of(mailbox)).checks();
        return checks.stream()
                .filter(check -> check.name().equals(AccountVerification.PROBE))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no probe in " + checks));
    }

    private void grantImpersonation(String alias) throws InterruptedException {
        ApprovalRequest request = approvals.open(new ApprovalRequest.Draft(
                PrivilegedCommands.parse("grant impersonation to " + alias + " because probe test"),
                List.of("grant"),
                ALEX,
                alias + "@example.com",
                null,
                "probe test"));
        approvals.decide(request.number(), MEGAN, Decision.Verdict.APPROVE, null, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (approvals.find(request.id()).orElseThrow().status() != RequestStatus.DONE) {
            assertThat(approvals.find(request.id()).orElseThrow().status()).isNotEqualTo(RequestStatus.FAILED);
            assertThat(System.nanoTime()).as("the grant ran within a minute").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitMailbox(String upn) throws InterruptedException {
        String id = directory.findUser(upn).orElseThrow().id();
        while (directory.mailboxStatus(id) != MailboxStatus.READY) {
            Thread.sleep(100);
        }
    }

    private static Command parse(String text) {
        return ((ParseResult.Parsed) CommandParser.parse(text)).command();
    }
}
