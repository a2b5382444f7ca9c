package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The bot refuses locally what the runbook would refuse, and never lets a secret become a job parameter. */
class RunnerCmdletsTest {

    private static void assertRefused(List<RunnerCall> calls, String saying) {
        assertThatThrownBy(() -> RunnerCmdlets.refuseUnlessAllowed(calls))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.service()).isEqualTo("Exchange Server");
                    assertThat(e.getMessage()).contains(saying);
                    assertThat(e.fix()).isNotBlank();
                });
    }

    @Test
    void everyAllowedParameterOfEveryAllowedCmdletPassesExceptSecretsAsValues() {
        RunnerCmdlets.ALLOWED.forEach((cmdlet, parameters) -> {
            Set<String> secret = RunnerCmdlets.SECRET_PARAMETERS.getOrDefault(cmdlet, Set.of());
            Cmdlet call = Cmdlet.named(cmdlet);
            parameters.stream().filter(p -> !secret.contains(p)).forEach(p -> call.with(p, "x"));
            RunnerCall runnerCall = RunnerCall.of(call);
            secret.forEach(p -> runnerCall.withSecret(p, "svc-sync-password"));
            assertThatCode(() -> RunnerCmdlets.refuseUnlessAllowed(List.of(runnerCall)))
                    .as(cmdlet)
                    .doesNotThrowAnyException();
        });
    }

    @Test
    void aCmdletOrParameterOffTheListIsRefused() {
        assertRefused(
                List.of(RunnerCall.of(Cmdlet.named("Remove-Mailbox").with("Identity", "svc-sync"))), "Remove-Mailbox");
        assertRefused(
                List.of(RunnerCall.of(
                        Cmdlet.named("Set-ADUser").with("Identity", "svc-sync").with("Enabled", false))),
                "Set-ADUser -Enabled");
        assertRefused(List.of(), "without cmdlets");
    }

    @Test
    void aSecretIsNeverAValueAndOnlySecretParametersComeFromTheVault() {
        String password = "Vq7#mZ2!pL9$wR4@";
        assertRefused(
                List.of(RunnerCall.of(
                        Cmdlet.named("New-Mailbox").with("Name", "svc").with("Password", password))),
                "New-Mailbox -Password given as a value");
        assertRefused(
                List.of(RunnerCall.of(Cmdlet.named("New-Mailbox").with("Name", "svc"))
                        .withSecret("Name", "svc-name")),
                "New-Mailbox -Name from a Key Vault secret");
        assertRefused(
                List.of(RunnerCall.of(Cmdlet.named("Get-Mailbox").with("Identity", "svc"))
                        .withSecret("Password", "svc-password")),
                "Get-Mailbox -Password");
        assertThatThrownBy(() -> RunnerCmdlets.refuseUnlessAllowed(
                        List.of(RunnerCall.of(Cmdlet.named("New-Mailbox").with("Name", "svc"))
                                .withSecret("Password", password))))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("not a Key Vault secret name")
                        .doesNotContain(password));
    }

    @Test
    void valuesAreTextTrueFalseOrListsOfText() {
        assertThatCode(() -> RunnerCmdlets.refuseUnlessAllowed(List.of(RunnerCall.of(Cmdlet.named("New-RoleGroup")
                        .with("Name", "Exchange sync role group")
                        .with("Roles", List.of("ApplicationImpersonation"))
                        .with("Members", List.of("Exchange Sync Accounts"))))))
                .doesNotThrowAnyException();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        assertThat(RunnerCmdlets.isPlain(nodes.stringNode("Unlimited"))).isTrue();
        assertThat(RunnerCmdlets.isPlain(nodes.booleanNode(false))).isTrue();
        assertThat(RunnerCmdlets.isPlain(nodes.arrayNode().add("a").add("b"))).isTrue();
        assertThat(RunnerCmdlets.isPlain(nodes.numberNode(1000))).isFalse();
        assertThat(RunnerCmdlets.isPlain(nodes.nullNode())).isFalse();
        assertThat(RunnerCmdlets.isPlain(nodes.objectNode().put("a", "b"))).isFalse();
        assertThat(RunnerCmdlets.isPlain(nodes.arrayNode().add("a").add(1))).isFalse();
    }
}
