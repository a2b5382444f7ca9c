package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import io.serviceaccountbot.tenant.exchange.RunnerResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runbook's answer record read into results, and Exchange Server's cmdlet errors classified as Exchange Online's
 * are: the same .NET exception types (names as Exchange Server prints them in {@code
 * Microsoft.Exchange.….ExceptionType}), then PowerShell's error category, then the message.
 */
class RunnerOutputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JOB = "c40dcecd-2afe-3ee3-a412-a6267ec6d996";

    private static final List<RunnerCall> ONE =
            List.of(RunnerCall.of(Cmdlet.named("Get-Mailbox").with("Identity", "x")));

    private static String answer(String... results) {
        return "{\"protocol\":1,\"server\":{\"name\":\"EX01\",\"version\":\"Version 15.2 (Build 1748.10)\"},"
                + "\"results\":[" + String.join(",", results) + "]}";
    }

    private static String failure(String cmdlet, String category, String type, String message) {
        ObjectNode result = JSON.createObjectNode();
        result.put("cmdlet", cmdlet);
        result.put("ok", false);
        ObjectNode error = result.putObject("error");
        error.put("category", category);
        error.put("fullyQualifiedErrorId", "[Server=EX01] 1A2B3C4D," + cmdlet);
        if (type != null) {
            error.put("exceptionType", type);
        }
        error.put("message", message);
        return JSON.writeValueAsString(result);
    }

    private static RunnerResult one(String cmdlet, String result) {
        return RunnerOutput.read(answer(result), List.of(RunnerCall.of(Cmdlet.named(cmdlet))), JOB, JSON)
                .result(0);
    }

    private static Kind kindOf(String cmdlet, String category, String type, String message) {
        RunnerResult result = one(cmdlet, failure(cmdlet, category, type, message));
        assertThat(result.status()).isEqualTo(Status.FAILED);
        return result.error().kind();
    }

    @Test
    void exchangeServerExceptionsMeanWhatTheyMeanOnExchangeOnline() {
        assertThat(kindOf(
                        "Get-Mailbox",
                        "NotSpecified",
                        "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
                        "The operation couldn't be performed because object 'svc-x' couldn't be found on"
                                + " 'dc01.contoso.com'."))
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(kindOf(
                        "New-DistributionGroup",
                        "NotSpecified",
                        "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
                        "Active Directory operation failed on dc01.contoso.com. The object 'CN=Exchange Sync"
                                + " Accounts,OU=Groups,DC=contoso,DC=com' already exists."))
                .isEqualTo(Kind.ALREADY_EXISTS);
        assertThat(kindOf(
                        "Add-DistributionGroupMember",
                        "NotSpecified",
                        "Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException",
                        "The recipient \"contoso.com/Users/svc-sync\" is already a member of the group \"Exchange Sync"
                                + " Accounts\"."))
                .isEqualTo(Kind.ALREADY_EXISTS);
        assertThat(kindOf(
                        "Remove-DistributionGroupMember",
                        "NotSpecified",
                        "Microsoft.Exchange.Management.Tasks.MemberNotFoundException",
                        "The recipient \"contoso.com/Users/svc-sync\" isn't a member of the group \"Exchange Sync"
                                + " Accounts\"."))
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(kindOf(
                        "New-ManagementRoleAssignment",
                        "NotSpecified",
                        "Microsoft.Exchange.Data.Directory.ADTransientException",
                        "Active Directory server dc01.contoso.com is not available."))
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void withoutAKnownTypeTheCategoryThenTheMessageDecide() {
        assertThat(kindOf("Get-User", "ObjectNotFound", "System.Exception", "nothing"))
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(kindOf("New-RoleGroup", "ResourceExists", null, "x")).isEqualTo(Kind.ALREADY_EXISTS);
        assertThat(kindOf("Get-RoleGroup", "PermissionDenied", null, "x")).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(kindOf("Get-RoleGroup", "ConnectionError", null, "x")).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kindOf(
                        "Add-RoleGroupMember", "NotSpecified", "Some.Other.Exception", "svc is already a member of it"))
                .isEqualTo(Kind.ALREADY_EXISTS);
        assertThat(kindOf("Remove-RoleGroupMember", "NotSpecified", null, "svc isn't a member of the role group"))
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(kindOf("Get-User", "NotSpecified", null, "Couldn't find object \"svc-x\"."))
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(kindOf("New-RoleGroup", "InvalidArgument", null, "The name is too long."))
                .isEqualTo(Kind.INVALID_REQUEST);
    }

    @Test
    void aCmdletTheRunnerMayNotRunSaysWhichRoleTheWorkerAccountLacks() {
        RunnerResult result = one(
                "New-ManagementRoleAssignment",
                failure(
                        "New-ManagementRoleAssignment",
                        "NotSpecified",
                        "Microsoft.Exchange.Configuration.Authorization.AccessDeniedException",
                        "Access denied"));

        assertThatThrownBy(() -> result.orThrow(JOB))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
                    assertThat(e.code()).isEqualTo("AccessDeniedException");
                    assertThat(e.requestId()).isEqualTo(JOB);
                    assertThat(e.fix()).contains("Hybrid Runbook Worker", "New-ManagementRoleAssignment");
                });
    }

    @Test
    void rowsWarningsSkipsAndTheServerAreRead() {
        List<RunnerCall> two = List.of(
                RunnerCall.of(Cmdlet.named("Get-Mailbox").with("Identity", "x")),
                RunnerCall.of(Cmdlet.named("Get-User").with("Identity", "x")));
        String output = "Exchange session opened\r\n"
                + answer(
                        "{\"cmdlet\":\"Get-Mailbox\",\"ok\":true,\"rows\":[{\"Name\":\"x\"},\"not a row\"],"
                                + "\"warnings\":[\"careful\\u0007\"]}",
                        "{\"cmdlet\":\"Get-User\",\"skipped\":true}")
                + "\r\n";

        RunnerAnswer read = RunnerOutput.read(output, two, JOB, JSON);

        assertThat(read.serverName()).isEqualTo("EX01");
        assertThat(read.result(0).rows())
                .singleElement()
                .satisfies(row -> assertThat(ExchangeRows.text(row, "Name")).isEqualTo("x"));
        assertThat(read.result(0).warnings()).containsExactly("careful");
        assertThat(read.result(1).status()).isEqualTo(Status.SKIPPED);
        assertThatThrownBy(() -> read.result(1).orThrow(JOB))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.code()).isEqualTo("Skipped"));
    }

    @Test
    void anAnswerThatIsNotProtocolOneForThisRequestIsRefused() {
        String ok = "{\"cmdlet\":\"Get-Mailbox\",\"ok\":true,\"rows\":[]}";
        for (String output : List.of(
                "",
                "Hello from the runbook",
                answer(ok) + "\n" + answer(ok),
                answer(ok).replace("\"protocol\":1", "\"protocol\":2"),
                answer(ok, ok),
                answer("{\"cmdlet\":\"Remove-Mailbox\",\"ok\":true}"),
                "{\"protocol\":1, not json")) {
            assertThatThrownBy(() -> RunnerOutput.read(output, ONE, JOB, JSON))
                    .as(output)
                    .asInstanceOf(type(TenantException.class))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo("MalformedAnswer");
                        assertThat(e.isTransient()).isFalse();
                        assertThat(e.fix()).contains("Invoke-ExchangeCmdlet.ps1");
                    });
        }
    }
}
