package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.sandbox.SandboxProperties.ExchangeFlavour;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invoke-ExchangeCmdlet as the simulated runner runs it, without HTTP: one answer per request, cmdlets in order, the
 * rest skipped after a failure unless it may continue, the whole job refused for anything outside the allow-list, and
 * secrets read by name and never written anywhere.
 */
class SimulatedRunbookTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Runbook-Secret-9x";
    private static final SimulatedRunbook.Session SESSION =
            new SimulatedRunbook.Session("EX01", "Version 15.2 (Build 2562.17)", "kv-runner");

    private final Map<String, Secret> vault = new HashMap<>();
    private final SimulatedExchange exchange = new SimulatedExchange(TestMailboxes::find, "example.com");
    private final SimulatedRoleGroups roles = new SimulatedRoleGroups(ExchangeFlavour.EXCHANGE_SERVER, exchange);
    private final SimulatedCredentials credentials = new SimulatedCredentials();
    private final SimulatedRunbook runbook = new SimulatedRunbook(
            new ExchangeCmdlets(exchange, roles, new SimulatedAppAccess(exchange, roles)),
            new SecretStore() {
                @Override
                public StoredSecret put(String name, Secret secret) {
                    vault.put(name, secret);
                    return new StoredSecret(name, "the test's vault");
                }

                @Override
                public Optional<Secret> get(String name) {
                    return Optional.ofNullable(vault.get(name));
                }
            },
            JSON,
            credentials);

    private SimulatedRunbook.Outcome run(String request) {
        return run(request, null);
    }

    private SimulatedRunbook.Outcome run(String request, SimulatedRunbook.SessionLoss loss) {
        return runbook.run(request, SESSION, loss, () -> false);
    }

    private JsonNode answer(String request) {
        SimulatedRunbook.Outcome outcome = run(request);
        assertThat(outcome).isInstanceOf(SimulatedRunbook.Outcome.Answered.class);
        String output = ((SimulatedRunbook.Outcome.Answered) outcome).output();
        assertThat(output).doesNotContain("\n");
        return JSON.readTree(output);
    }

    private String refusal(String request) {
        SimulatedRunbook.Outcome outcome = run(request);
        assertThat(outcome).isInstanceOf(SimulatedRunbook.Outcome.Threw.class);
        return ((SimulatedRunbook.Outcome.Threw) outcome).exception();
    }

    @Test
    void aScriptedExchangeFaultLosesTheSessionBeforeItsCmdletOrRightAfterItForATimeout() {
        SimulatorFaults faults = new SimulatorFaults(Duration.ZERO);
        SimulatedRunbook faulty = new SimulatedRunbook(
                new ExchangeCmdlets(exchange, roles, new SimulatedAppAccess(exchange, roles)),
                new SecretStore() {
                    @Override
                    public StoredSecret put(String name, Secret secret) {
                        return new StoredSecret(name, "unused");
                    }

                    @Override
                    public Optional<Secret> get(String name) {
                        return Optional.empty();
                    }
                },
                JSON,
                credentials,
                faults);
        String request = """
                {"protocol":1,"cmdlets":[
                  {"cmdlet":"New-DistributionGroup","parameters":{"Name":"Faulty Group",
                   "Alias":"FaultyGroup","Type":"Security"}}]}""";

        faults.inject(new SimulatorFaults.Fault(
                SimulatorFaults.Service.EXCHANGE, "New-DistributionGroup", 503, 0, 1, Duration.ZERO));
        SimulatedRunbook.Outcome refused = faulty.run(request, SESSION, null, () -> false);
        assertThat(refused)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.type(SimulatedRunbook.Outcome.Threw.class))
                .satisfies(threw -> assertThat(threw.exception())
                        .startsWith("ExchangeRunner/ExchangeUnavailable:")
                        .contains("before New-DistributionGroup ran"));
        assertThatThrownBy(() -> exchange.distributionGroup("Faulty Group"))
                .as("nothing made")
                .isInstanceOf(CmdletFailure.class);

        faults.inject(new SimulatorFaults.Fault(
                SimulatorFaults.Service.EXCHANGE, "New-DistributionGroup", 0, 0, 1, Duration.ofMillis(10)));
        SimulatedRunbook.Outcome timedOut = faulty.run(request, SESSION, null, () -> false);
        assertThat(timedOut).isInstanceOf(SimulatedRunbook.Outcome.Threw.class);
        assertThat(exchange.distributionGroup("Faulty Group").rows())
                .as("made, though the job never said so")
                .hasSize(1);
    }

    @Test
    void oneJobCreatesAGroupUnlessItExistsAndReadsItBack() {
        String request = """
                {"protocol":1,"cmdlets":[
                  {"cmdlet":"New-DistributionGroup","parameters":{"Name":"Exchange Sync Accounts",
                   "Alias":"ExchangeSyncAccounts","Type":"Security"},"continueOnError":true},
                  {"cmdlet":"Get-DistributionGroup","parameters":{"Identity":"Exchange Sync Accounts"}}]}""";

        JsonNode first = answer(request);
        JsonNode again = answer(request);

        assertThat(first.path("protocol").asInt()).isEqualTo(1);
        assertThat(first.path("server").path("name").asString()).isEqualTo("EX01");
        assertThat(first.path("server").path("version").asString()).isEqualTo("Version 15.2 (Build 2562.17)");
        assertThat(first.path("results").get(0).path("ok").asBoolean()).isTrue();
        assertThat(first.path("results")
                        .get(1)
                        .path("rows")
                        .get(0)
                        .path("GroupType")
                        .asString())
                .isEqualTo("Universal, SecurityEnabled");
        JsonNode exists = again.path("results").get(0);
        assertThat(exists.path("ok").asBoolean()).isFalse();
        assertThat(exists.path("error").path("exceptionType").asString())
                .isEqualTo("Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException");
        assertThat(exists.path("error").path("category").asString()).isEqualTo("NotSpecified");
        assertThat(exists.path("error").path("fullyQualifiedErrorId").asString())
                .startsWith("[Server=EX01,")
                .endsWith(",Microsoft.Exchange.Management.RecipientTasks.NewDistributionGroup");
        assertThat(exists.path("error").path("message").asString())
                .contains("on EX01.")
                .doesNotContain(CmdletFailure.SERVER);
        assertThat(again.path("results").get(1).path("ok").asBoolean()).isTrue();
    }

    @Test
    void aFailedCmdletSkipsTheRestUnlessItMayContinueAndTheJobStillAnswers() {
        JsonNode answer = answer("""
                {"protocol":1,"cmdlets":[
                  {"cmdlet":"Get-DistributionGroup","parameters":{"Identity":"Nobody"}},
                  {"cmdlet":"Get-RoleGroup","parameters":{"Identity":"Nobody either"}}]}""");

        assertThat(answer.path("results")
                        .get(0)
                        .path("error")
                        .path("exceptionType")
                        .asString())
                .endsWith("ManagementObjectNotFoundException");
        assertThat(answer.path("results").get(1).path("skipped").asBoolean()).isTrue();
        assertThat(answer.path("results").get(1).has("ok")).isFalse();
    }

    @Test
    void aCmdletOrParameterOutsideTheAllowListRefusesTheWholeJobBeforeAnyCmdletRuns() {
        String cmdlet = refusal("""
                {"protocol":1,"cmdlets":[
                  {"cmdlet":"New-DistributionGroup","parameters":{"Name":"Never made"}},
                  {"cmdlet":"Remove-Mailbox","parameters":{"Identity":"svc-sync"}}]}""");
        String parameter = refusal("""
                {"protocol":1,"cmdlets":[{"cmdlet":"Get-Mailbox","parameters":{"Identity":"svc-sync","Filter":"*"}}]}""");

        assertThat(cmdlet)
                .isEqualTo("ExchangeRunner/NotAllowed: Invoke-ExchangeCmdlet refused the request: the cmdlet"
                        + " 'Remove-Mailbox' is not in its"
                        + " allow-list.");
        assertThat(parameter).contains("the parameter 'Filter' of Get-Mailbox is not in its allow-list");
        assertThat(answer("""
                        {"protocol":1,"cmdlets":[{"cmdlet":"Get-DistributionGroup","parameters":{"Identity":"Never made"}}]}""").path("results").get(0).path("ok").asBoolean()).isFalse();
    }

    @Test
    void aBrokenRequestOrAnotherProtocolIsRefused() {
        assertThat(refusal("not json"))
                .startsWith("ExchangeRunner/InvalidRequest: Invoke-ExchangeCmdlet refused the request: the request is"
                        + " not JSON");
        assertThat(refusal("{\"protocol\":2,\"cmdlets\":[{\"cmdlet\":\"Get-User\"}]}"))
                .contains("speaks protocol 2; this runbook speaks protocol 1");
        assertThat(refusal("{\"protocol\":1,\"cmdlets\":[]}")).contains("has no cmdlets");
        assertThat(refusal("{\"protocol\":1,\"cmdlets\":[{\"cmdlet\":\"Get-User\",\"continueOnErrors\":true}]}"))
                .contains("unknown member 'continueOnErrors'");
        assertThat(refusal("""
                        {"protocol":1,"cmdlets":[{"cmdlet":"Get-User","parameters":{"Identity":{"Name":"x"}}}]}""")).contains("must be a string, a number, true or false, or an array of strings");
    }

    @Test
    void aSecretIsReadByNameAndItsValueAppearsNowhere() {
        vault.put("svc-runner-password", Secret.of(PASSWORD));

        JsonNode answer = answer("""
                {"protocol":1,"cmdlets":[
                  {"cmdlet":"New-Mailbox","parameters":{"Name":"svc-runner","UserPrincipalName":"svc-runner@example.com",
                   "ResetPasswordOnNextLogon":false},"secretParameters":{"Password":"svc-runner-password"}},
                  {"cmdlet":"Get-Mailbox","parameters":{"Identity":"svc-runner"}}]}""");

        assertThat(answer.path("results").get(0).path("ok").asBoolean()).isTrue();
        assertThat(answer.path("results")
                        .get(1)
                        .path("rows")
                        .get(0)
                        .path("PrimarySmtpAddress")
                        .asString())
                .isEqualTo("svc-runner@example.com");
        assertThat(answer.toString()).doesNotContain(PASSWORD);
        String guid =
                answer.path("results").get(0).path("rows").get(0).path("Guid").asString();
        assertThat(credentials.matches(guid, PASSWORD))
                .as("the new account can sign in with the password read from the vault")
                .isTrue();
        assertThat(credentials.ntHash(guid))
                .hasValueSatisfying(hash -> assertThat(hash).isEqualTo(Ntlm.ntHash(PASSWORD)));
    }

    @Test
    void aSecretGivenAsAValueOrAnotherParameterGivenAsASecretIsRefused() {
        String asValue = refusal("""
                {"protocol":1,"cmdlets":[{"cmdlet":"New-Mailbox","parameters":{"Name":"svc-x",
                 "UserPrincipalName":"svc-x@example.com","Password":"%s"}}]}""".formatted(PASSWORD));
        String wrongSecret = refusal("""
                {"protocol":1,"cmdlets":[{"cmdlet":"New-Mailbox","parameters":{"Password2":"x"},
                 "secretParameters":{"Name":"svc-x-name"}}]}""");

        assertThat(asValue)
                .contains("the parameter 'Password' of New-Mailbox is a secret: name it in secretParameters")
                .doesNotContain(PASSWORD);
        assertThat(wrongSecret).contains("not in its allow-list");
        assertThat(refusal("""
                        {"protocol":1,"cmdlets":[{"cmdlet":"New-Mailbox","parameters":{"Name":"svc-x"},
                         "secretParameters":{"Name":"svc-x-name"}}]}""")).contains("the parameter 'Name' of New-Mailbox cannot be given as a secret");
    }

    @Test
    void aMissingSecretFailsTheJobBeforeAnyCmdletRuns() {
        String refused = refusal("""
                {"protocol":1,"cmdlets":[
                  {"cmdlet":"New-DistributionGroup","parameters":{"Name":"Before the secret","Type":"Security"}},
                  {"cmdlet":"New-Mailbox","parameters":{"Name":"svc-lost","UserPrincipalName":"svc-lost@example.com"},
                   "secretParameters":{"Password":"svc-lost-password"}}]}""");

        assertThat(refused)
                .isEqualTo("ExchangeRunner/SecretNotFound: Key Vault kv-runner has no secret named"
                        + " svc-lost-password.");
        assertThatThrownBy(() -> exchange.distributionGroup("Before the secret"))
                .as("nothing ran, so nothing is half done")
                .isInstanceOf(CmdletFailure.class);
    }

    @Test
    void aLostSessionFailsTheJobAfterTheCmdletsThatRan() {
        SimulatedRunbook.Outcome outcome = run("""
                {"protocol":1,"cmdlets":[
                  {"cmdlet":"New-DistributionGroup","parameters":{"Name":"Half done","Type":"Security"}},
                  {"cmdlet":"Get-DistributionGroup","parameters":{"Identity":"Half done"}}]}""", new SimulatedRunbook.SessionLoss(1, "The session was lost."));

        assertThat(outcome)
                .isEqualTo(new SimulatedRunbook.Outcome.Threw(
                        "ExchangeRunner/ExchangeUnavailable: The session was lost."));
        assertThat(exchange.distributionGroup("Half done").rows()).hasSize(1);
    }
}
