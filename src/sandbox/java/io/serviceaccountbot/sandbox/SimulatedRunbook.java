package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import io.serviceaccountbot.tenant.TenantException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runbook Invoke-ExchangeCmdlet as the simulated runner runs it (see {@code deploy/exchange-server/PROTOCOL.md}):
 * it reads the request, refuses the whole job for a broken request, another protocol, a cmdlet or parameter outside its
 * allow-list, or a secret given as a value; then runs the cmdlets in order in one Exchange Server session ({@link
 * ExchangeCmdlets#runOnServer}), reading each secret parameter from the secret store by name, and writes one output
 * record. A failed cmdlet stops the rest (they are {@code skipped}) unless it has {@code continueOnError}; either way
 * the job completes. A secret's value goes to the cmdlet only: never into the output, an error, or a stream.
 *
 * <p>The allow-list is the runbook's own, held here rather than taken from the bot, because the sandbox must not reach
 * into the bot's internals; a test keeps it equal to the bot's.
 */
final class SimulatedRunbook {

    /** The runbook's name in the Automation account. */
    static final String NAME = "Invoke-ExchangeCmdlet";

    static final int PROTOCOL = 1;

    /** The runbook's $AllowedCmdlets: cmdlet → the parameters it may be given. */
    static final Map<String, Set<String>> ALLOWED = caseInsensitive(Map.ofEntries(
            Map.entry(
                    "New-Mailbox",
                    Set.of(
                            "Name",
                            "Alias",
                            "UserPrincipalName",
                            "DisplayName",
                            "OrganizationalUnit",
                            "Password",
                            "ResetPasswordOnNextLogon")),
            Map.entry("Get-Mailbox", Set.of("Identity", "ResultSize")),
            Map.entry("Get-User", Set.of("Identity")),
            Map.entry("Get-AcceptedDomain", Set.of()),
            Map.entry("Get-ADUser", Set.of("Identity", "Properties")),
            Map.entry("Set-ADUser", Set.of("Identity", "PasswordNeverExpires")),
            Map.entry("Get-DistributionGroup", Set.of("Identity", "ResultSize")),
            Map.entry("Get-DistributionGroupMember", Set.of("Identity", "ResultSize")),
            Map.entry("New-DistributionGroup", Set.of("Name", "Alias", "Type", "Members")),
            Map.entry("Add-DistributionGroupMember", Set.of("Identity", "Member", "BypassSecurityGroupManagerCheck")),
            Map.entry(
                    "Remove-DistributionGroupMember",
                    Set.of("Identity", "Member", "BypassSecurityGroupManagerCheck", "Confirm")),
            Map.entry("Get-RoleGroup", Set.of("Identity")),
            Map.entry("Get-RoleGroupMember", Set.of("Identity", "ResultSize")),
            Map.entry("New-RoleGroup", Set.of("Name", "Roles", "Members")),
            Map.entry("Add-RoleGroupMember", Set.of("Identity", "Member", "BypassSecurityGroupManagerCheck")),
            Map.entry(
                    "Remove-RoleGroupMember",
                    Set.of("Identity", "Member", "BypassSecurityGroupManagerCheck", "Confirm")),
            Map.entry("Get-ManagementRole", Set.of("Identity")),
            Map.entry(
                    "Get-ManagementRoleAssignment",
                    Set.of("Identity", "Role", "RoleAssignee", "GetEffectiveUsers", "Delegating")),
            Map.entry(
                    "New-ManagementRoleAssignment",
                    Set.of("Name", "Role", "User", "SecurityGroup", "CustomRecipientWriteScope")),
            Map.entry("Remove-ManagementRoleAssignment", Set.of("Identity", "Confirm")),
            Map.entry("New-ManagementScope", Set.of("Name", "RecipientRestrictionFilter")),
            Map.entry("Get-ManagementScope", Set.of("Identity")),
            Map.entry("Remove-ManagementScope", Set.of("Identity", "Confirm"))));

    /** The runbook's $SecretParameters: cmdlet → the parameters given as a Key Vault secret's name, never a value. */
    static final Map<String, Set<String>> SECRET_PARAMETERS =
            caseInsensitive(Map.of("New-Mailbox", Set.of("Password")));

    private static final Set<String> ITEM_MEMBERS =
            Set.of("cmdlet", "parameters", "secretParameters", "continueOnError");

    private final ExchangeCmdlets cmdlets;
    private final SecretStore secrets;
    private final JsonMapper json;
    private final SimulatedCredentials credentials;
    private final SimulatorFaults faults;

    SimulatedRunbook(ExchangeCmdlets cmdlets, SecretStore secrets, JsonMapper json) {
        this(cmdlets, secrets, json, new SimulatedCredentials());
    }

    /**
     * A runbook whose New-Mailbox also records the new account's sign-in check in {@code credentials}, as Active
     * Directory keeps the password's hashes, so that the account can sign in to the simulated Exchange Web Services.
     */
    SimulatedRunbook(ExchangeCmdlets cmdlets, SecretStore secrets, JsonMapper json, SimulatedCredentials credentials) {
        this(cmdlets, secrets, json, credentials, new SimulatorFaults(Duration.ZERO));
    }

    /**
     * A runbook whose cmdlets also suffer the sandbox's scripted Exchange faults ({@code /sandbox/control/faults} with
     * {@code "service":"EXCHANGE"}), as Exchange Server shows them to a job: the session is lost before the matching
     * cmdlet runs (an error status), or right after it ran (a timeout, once the hang is over), and the job fails.
     */
    SimulatedRunbook(
            ExchangeCmdlets cmdlets,
            SecretStore secrets,
            JsonMapper json,
            SimulatedCredentials credentials,
            SimulatorFaults faults) {
        this.cmdlets = cmdlets;
        this.secrets = secrets;
        this.json = json;
        this.credentials = credentials;
        this.faults = faults;
    }

    /** The Exchange server the runbook's session reaches, and the Key Vault it reads secrets from. */
    record Session(String serverName, String serverVersion, String keyVault) {}

    /**
     * The Exchange session is lost after this many cmdlets ran, as when the server restarts mid-job; the job fails.
     *
     * @param afterCmdlets how many cmdlets ran before
     * @param message the exception the job fails with
     */
    record SessionLoss(int afterCmdlets, String message) {}

    /** How a run ended: the one output record, or the exception that failed the job, or a stop. */
    sealed interface Outcome {

        /** The runbook wrote its answer. */
        record Answered(String output) implements Outcome {}

        /** The runbook threw; the job fails with this exception, written to the error stream as well. */
        record Threw(String exception) implements Outcome {}

        /** The job was stopped between two cmdlets. */
        record Stopped() implements Outcome {}
    }

    /** Runs the job's Request parameter; {@code loss} may be null, {@code stopRequested} is asked between cmdlets. */
    Outcome run(String request, Session session, SessionLoss loss, BooleanSupplier stopRequested) {
        List<Invocation> invocations;
        try {
            invocations = parse(request);
        } catch (Refusal refusal) {
            return new Outcome.Threw(refusal.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Invocation invocation : invocations) {
            for (String secretName : invocation.secretParameters().values()) {
                Optional<String> failure = read(secretName, session, values);
                if (failure.isPresent()) {
                    return new Outcome.Threw(failure.get());
                }
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        boolean stopped = false;
        for (int i = 0; i < invocations.size(); i++) {
            Invocation invocation = invocations.get(i);
            if (loss != null && i == loss.afterCmdlets()) {
                return new Outcome.Threw(lostSession(loss.message()));
            }
            if (stopRequested.getAsBoolean()) {
                return new Outcome.Stopped();
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("cmdlet", invocation.cmdlet());
            if (stopped) {
                result.put("skipped", true);
                results.add(result);
                continue;
            }
            Optional<SimulatorFaults.Fault> fault =
                    faults.onCall(SimulatorFaults.Service.EXCHANGE, invocation.cmdlet());
            if (fault.isPresent()) {
                return lostAround(fault.get(), invocation, values, session, stopRequested);
            }
            Optional<Map<String, Object>> error = run(invocation, values, session, result);
            if (error.isPresent()) {
                result.put("ok", false);
                result.put("error", error.get());
                stopped = !invocation.continueOnError();
            }
            results.add(result);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("protocol", PROTOCOL);
        answer.put("server", Map.of("name", session.serverName(), "version", session.serverVersion()));
        answer.put("results", results);
        return new Outcome.Answered(json.writeValueAsString(answer));
    }

    /**
     * A scripted Exchange fault on a cmdlet: an error status loses the session before the cmdlet runs; a timeout lets
     * it run, holds the job for the hang, then loses the session, so the change is made but the bot never hears.
     */
    private Outcome lostAround(
            SimulatorFaults.Fault fault,
            Invocation invocation,
            Map<String, String> values,
            Session session,
            BooleanSupplier stopRequested) {
        if (fault.status() != 0) {
            return new Outcome.Threw(lostSession("Exchange Server " + session.serverName() + " answered "
                    + fault.status() + " before " + invocation.cmdlet() + " ran (injected); the session was lost."));
        }
        run(invocation, values, session, new LinkedHashMap<>());
        long until = System.nanoTime() + fault.hang().toNanos();
        while (System.nanoTime() < until && !stopRequested.getAsBoolean()) {
            try {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (stopRequested.getAsBoolean()) {
            return new Outcome.Stopped();
        }
        return new Outcome.Threw(lostSession("The session to Exchange Server " + session.serverName()
                + " was lost after " + invocation.cmdlet() + " ran (injected timeout)."));
    }

    /**
     * Reads a secret the request names into {@code values}, as the runbook does before running any cmdlet, so that a
     * secret it cannot read fails the job with nothing half done; the reason when it cannot.
     */
    private Optional<String> read(String secretName, Session session, Map<String, String> values) {
        if (values.containsKey(secretName)) {
            return Optional.empty();
        }
        Optional<Secret> secret;
        try {
            secret = secrets.get(secretName);
        } catch (TenantException e) {
            return Optional.of("ExchangeRunner/KeyVaultUnavailable: Key Vault " + session.keyVault()
                    + " did not answer for " + secretName + ".");
        }
        if (secret.isEmpty()) {
            return Optional.of("ExchangeRunner/SecretNotFound: Key Vault " + session.keyVault()
                    + " has no secret named " + secretName + ".");
        }
        values.put(secretName, secret.get().reveal());
        return Optional.empty();
    }

    /** The job's exception when the Exchange session is lost, with the reason the runbook gives. */
    static String lostSession(String message) {
        return message.startsWith("ExchangeRunner/") ? message : "ExchangeRunner/ExchangeUnavailable: " + message;
    }

    /** Runs one cmdlet into {@code result}; the error record when it failed. */
    private Optional<Map<String, Object>> run(
            Invocation invocation, Map<String, String> secretValues, Session session, Map<String, Object> result) {
        ObjectNode parameters = invocation.parameters().deepCopy();
        invocation
                .secretParameters()
                .forEach((parameter, secretName) -> parameters.put(parameter, secretValues.get(secretName)));
        try {
            CmdletOutput output = cmdlets.runOnServer(invocation.cmdlet(), parameters);
            if (invocation.cmdlet().equalsIgnoreCase("New-Mailbox")) {
                remember(output, parameters.path("Password").asString(null));
            }
            result.put("ok", true);
            result.put("rows", output.rows());
            result.put("warnings", output.warnings());
            return Optional.empty();
        } catch (CmdletFailure failure) {
            return Optional.of(CmdletErrors.of(session, invocation.cmdlet(), failure));
        }
    }

    /** One cmdlet of the request, checked against the allow-list. */
    /** Records the sign-in check of the account New-Mailbox created, under its objectGUID; never its password. */
    private void remember(CmdletOutput output, String password) {
        if (password == null || output.rows().isEmpty()) {
            return;
        }
        Object guid = output.rows().get(0).get("Guid");
        if (guid != null) {
            credentials.set(String.valueOf(guid), password);
        }
    }

    private record Invocation(
            String cmdlet, ObjectNode parameters, Map<String, String> secretParameters, boolean continueOnError) {}

    private List<Invocation> parse(String request) {
        JsonNode root;
        try {
            root = request == null ? null : json.readTree(request);
        } catch (JacksonException e) {
            throw new Refusal("the request is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Refusal("the request must be a JSON object with protocol and cmdlets.");
        }
        if (!root.path("protocol").isIntegralNumber() || root.path("protocol").asInt() != PROTOCOL) {
            throw new Refusal("the request speaks protocol " + root.path("protocol") + "; this runbook speaks protocol "
                    + PROTOCOL + ".");
        }
        JsonNode items = root.path("cmdlets");
        if (!items.isArray() || items.isEmpty()) {
            throw new Refusal("the request has no cmdlets.");
        }
        List<Invocation> invocations = new ArrayList<>();
        for (JsonNode item : items) {
            invocations.add(invocation(item, invocations.size() + 1));
        }
        return invocations;
    }

    private Invocation invocation(JsonNode item, int number) {
        if (!item.isObject() || !item.path("cmdlet").isString()) {
            throw new Refusal("cmdlet " + number + " of the request has no cmdlet name.");
        }
        for (String member : item.propertyNames()) {
            if (!ITEM_MEMBERS.contains(member)) {
                throw new Refusal("cmdlet " + number + " of the request has an unknown member '" + member + "'.");
            }
        }
        String cmdlet = item.path("cmdlet").asString();
        Set<String> allowed = ALLOWED.get(cmdlet);
        if (allowed == null) {
            throw new Refusal("NotAllowed", "the cmdlet '" + cmdlet + "' is not in its allow-list.");
        }
        Set<String> secret = SECRET_PARAMETERS.getOrDefault(cmdlet, Set.of());
        JsonNode parameters = item.path("parameters");
        if (!parameters.isMissingNode() && !parameters.isObject()) {
            throw new Refusal("the parameters of " + cmdlet + " must be a JSON object.");
        }
        ObjectNode given = json.createObjectNode();
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
            String name = parameter.getKey();
            if (!allowed.contains(name)) {
                throw new Refusal(
                        "NotAllowed", "the parameter '" + name + "' of " + cmdlet + " is not in its allow-list.");
            }
            if (secret.contains(name)) {
                throw new Refusal(
                        "NotAllowed",
                        "the parameter '" + name + "' of " + cmdlet + " is a secret: name it in"
                                + " secretParameters, never give its value.");
            }
            if (!splattable(parameter.getValue())) {
                throw new Refusal(
                        "NotAllowed",
                        "the parameter '" + name + "' of " + cmdlet
                                + " must be a string, a number, true or false, or an array of strings.");
            }
            names.add(name);
            given.set(name, parameter.getValue());
        }
        return new Invocation(cmdlet, given, secretParameters(item, cmdlet, secret, names), continueOnError(item));
    }

    private static Map<String, String> secretParameters(
            JsonNode item, String cmdlet, Set<String> secret, Set<String> given) {
        JsonNode secretParameters = item.path("secretParameters");
        Map<String, String> byName = new LinkedHashMap<>();
        if (secretParameters.isMissingNode()) {
            return byName;
        }
        if (!secretParameters.isObject()) {
            throw new Refusal("the secretParameters of " + cmdlet + " must be a JSON object.");
        }
        for (Map.Entry<String, JsonNode> parameter : secretParameters.properties()) {
            String name = parameter.getKey();
            if (!secret.contains(name)) {
                throw new Refusal(
                        "NotAllowed", "the parameter '" + name + "' of " + cmdlet + " cannot be given as a secret.");
            }
            if (given.contains(name)) {
                throw new Refusal("the parameter '" + name + "' of " + cmdlet + " is given twice.");
            }
            String secretName =
                    parameter.getValue().isString() ? parameter.getValue().asString() : null;
            if (!SecretNames.isValid(secretName)) {
                throw new Refusal("the secret for the parameter '" + name + "' of " + cmdlet
                        + " must be named by 1 to 127 letters, digits and dashes.");
            }
            byName.put(name, secretName);
        }
        return byName;
    }

    private static boolean continueOnError(JsonNode item) {
        JsonNode value = item.path("continueOnError");
        if (value.isMissingNode()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new Refusal("continueOnError must be true or false.");
        }
        return value.booleanValue();
    }

    private static boolean splattable(JsonNode value) {
        if (value.isString() || value.isNumber() || value.isBoolean()) {
            return true;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isString()) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static Map<String, Set<String>> caseInsensitive(Map<String, Set<String>> lists) {
        Map<String, Set<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        lists.forEach((cmdlet, parameters) -> {
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            names.addAll(parameters);
            map.put(cmdlet, java.util.Collections.unmodifiableSet(names));
        });
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Why the runbook refused the whole request before running a cmdlet, named as PROTOCOL.md asks: {@code
     * ExchangeRunner/InvalidRequest} for a request that is not protocol 1, {@code ExchangeRunner/NotAllowed} for what
     * the allow-list refuses.
     */
    private static final class Refusal extends RuntimeException {

        Refusal(String reason) {
            this("InvalidRequest", reason);
        }

        Refusal(String kind, String reason) {
            super("ExchangeRunner/" + kind + ": " + NAME + " refused the request: " + reason);
        }
    }
}
