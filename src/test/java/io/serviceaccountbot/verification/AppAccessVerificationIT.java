package io.serviceaccountbot.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Check 8 against the simulated Exchange Online (exchange-online flavour), set up through the same ports a grant app
 * access plan uses: Test-ServicePrincipalAuthorization passes for the group's mailboxes and roles the app holds, and
 * fails, with the fix, for a role it was not given or a mailbox added outside the scope.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bot.sandbox.exchange-flavour=exchange-online"})
class AppAccessVerificationIT {

    static final String APP = "5a1e5f0c-e5c0-4a5e-9c1e-00000000a5f1";
    static final String APP_OBJECT = "5e1f5a1e-0000-4000-8000-000000000001";

    @Autowired
    AppAccessVerification verification;

    @Autowired
    ExchangeAdmin exchange;

    private void grant(String group, String role) {
        ExchangeAdmin.MailEnabledGroup made = exchange.ensureSecurityGroup(group);
        exchange.ensureServicePrincipal(APP, APP_OBJECT, "Salesforce Sync");
        exchange.ensureManagementScope("Mailboxes of " + group, "MemberOfGroup -eq '" + made.distinguishedName() + "'");
        exchange.ensureAppRoleAssignment(APP, role, "Mailboxes of " + group);
    }

    @Test
    void everyMailboxOfTheGroupIsInScopeForTheGrantedRole() {
        grant("Verified Mailboxes", "Application Mail.ReadWrite");
        exchange.addGroupMember("Verified Mailboxes", "pattif@example.com");
        exchange.addGroupMember("Verified Mailboxes", "lynner@example.com");

        VerificationReport report =
                verification.verify(UUID.fromString(APP), "Verified Mailboxes", List.of("Application Mail.ReadWrite"));

        assertThat(report.allPassed()).as(report.toString()).isTrue();
        assertThat(report.checks())
                .extracting(Check::name)
                .containsExactlyInAnyOrder(
                        "Test-ServicePrincipalAuthorization for pattif@example.com",
                        "Test-ServicePrincipalAuthorization for lynner@example.com");
        assertThat(report.checks())
                .allSatisfy(check -> assertThat(check.detail()).isEqualTo("In scope for Application Mail.ReadWrite"));
    }

    @Test
    void aRoleTheAppWasNotGivenFailsWithTheFix() {
        grant("Mail Only Mailboxes", "Application Mail.ReadWrite");
        exchange.addGroupMember("Mail Only Mailboxes", "pattif@example.com");

        VerificationReport report = verification.verify(
                UUID.fromString(APP),
                "Mail Only Mailboxes",
                List.of("Application Mail.ReadWrite", "Application Calendars.Read"));

        assertThat(report.allPassed()).isFalse();
        Check check = report.checks().get(0);
        assertThat(check.result()).isEqualTo(Check.Result.FAILED);
        assertThat(check.detail()).isEqualTo("Out of scope for Application Calendars.Read");
        assertThat(check.fix()).contains("up to two hours");
    }

    @Test
    void anEmptyGroupOrAMissingOneSaysSo() {
        exchange.ensureSecurityGroup("Empty Mailboxes");

        Check empty = verification
                .verify(UUID.fromString(APP), "Empty Mailboxes", List.of("Application Mail.ReadWrite"))
                .checks()
                .get(0);
        Check missing = verification
                .verify(UUID.fromString(APP), "No Such Mailboxes", List.of("Application Mail.ReadWrite"))
                .checks()
                .get(0);

        assertThat(empty.result()).isEqualTo(Check.Result.NOT_APPLICABLE);
        assertThat(empty.detail()).contains("has no mailbox members yet");
        assertThat(missing.result()).isEqualTo(Check.Result.FAILED);
        assertThat(missing.detail()).contains("There is no mail-enabled security group 'No Such Mailboxes'");
    }

    @Test
    void anAppStillConsentedTenantWideFailsForReachingEveryMailboxWhateverTheScope() {
        String activityCapture = "c55d6177-918e-4745-96d3-1715194bc7e8";
        ExchangeAdmin.MailEnabledGroup made = exchange.ensureSecurityGroup("Consented Mailboxes");
        exchange.addGroupMember("Consented Mailboxes", "pattif@example.com");
        exchange.ensureServicePrincipal(
                activityCapture, "5e1f5a1e-0000-4000-8000-000000000002", "Salesforce Activity Capture");
        exchange.ensureManagementScope(
                "Mailboxes of Consented Mailboxes", "MemberOfGroup -eq '" + made.distinguishedName() + "'");
        exchange.ensureAppRoleAssignment(activityCapture, "Application Mail.Read", "Mailboxes of Consented Mailboxes");

        VerificationReport report = verification.verify(
                UUID.fromString(activityCapture), "Consented Mailboxes", List.of("Application Mail.Read"));

        assertThat(report.allPassed()).isFalse();
        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.detail()).contains("reached organisation-wide too").contains("Microsoft Graph Mail.Read");
            assertThat(check.fix()).contains("Enterprise applications");
        });
    }
}
