package io.serviceaccountbot.tenant.exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * One cmdlet of a batch the Exchange Server runner runs in one job ({@code deploy/exchange-server/PROTOCOL.md}): the
 * cmdlet with its parameters, whether the batch goes on when it fails, and the parameters given as the name of a Key
 * Vault secret (the runbook reads the value itself; the bot never sends it).
 */
final class RunnerCall {

    private final Cmdlet cmdlet;
    private final Map<String, String> secretParameters = new LinkedHashMap<>();
    private boolean continueOnError;

    private RunnerCall(Cmdlet cmdlet) {
        this.cmdlet = cmdlet;
    }

    /** The cmdlet, with the parameters it names secrets for ({@link Cmdlet#withSecret}). */
    static RunnerCall of(Cmdlet cmdlet) {
        RunnerCall call = new RunnerCall(cmdlet);
        call.secretParameters.putAll(cmdlet.secretParameters());
        return call;
    }

    /** The later cmdlets run even when this one fails, e.g. "create the group unless it exists, then read it". */
    RunnerCall continuingOnError() {
        continueOnError = true;
        return this;
    }

    /**
     * The parameter's value is the Key Vault secret of that name, e.g. {@code Password} ← {@code svc-sync-password}.
     */
    RunnerCall withSecret(String parameter, String secretName) {
        secretParameters.put(parameter, secretName);
        return this;
    }

    String cmdlet() {
        return cmdlet.name();
    }

    ObjectNode parameters() {
        return cmdlet.parameters();
    }

    boolean continueOnError() {
        return continueOnError;
    }

    Map<String, String> secretParameters() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secretParameters));
    }

    @Override
    public String toString() {
        return cmdlet.name();
    }
}
