package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.sandbox.SandboxProperties.ExchangeFlavour;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Test-only access to the simulated runbook's allow-list and to what the simulated Exchange Server session answers,
 * for the test in the bot's Exchange package that keeps the runbook's lists equal to the bot's. Names are given as
 * written, in plain sorted collections.
 */
public final class SimulatedRunbookLists {

    private SimulatedRunbookLists() {}

    /** The runbook's $AllowedCmdlets: cmdlet → parameters. */
    public static Map<String, Set<String>> allowed() {
        return plain(SimulatedRunbook.ALLOWED);
    }

    /** The runbook's $SecretParameters: cmdlet → parameters given as secret names. */
    public static Map<String, Set<String>> secretParameters() {
        return plain(SimulatedRunbook.SECRET_PARAMETERS);
    }

    /** The parameters each cmdlet accepts in the simulated Exchange Server session, besides PowerShell's common ones. */
    public static Map<String, Set<String>> serverCmdlets() {
        SimulatedExchange exchange = new SimulatedExchange(TestMailboxes::find, "example.com");
        SimulatedRoleGroups roles = new SimulatedRoleGroups(ExchangeFlavour.EXCHANGE_SERVER, exchange);
        SimulatedAppAccess apps = new SimulatedAppAccess(exchange, roles);
        return plain(new ExchangeCmdlets(exchange, roles, apps).serverCmdlets());
    }

    /** PowerShell's common parameters, which every cmdlet accepts. */
    public static Set<String> commonParameters() {
        return Set.of("Confirm", "WhatIf", "ErrorAction", "WarningAction", "Verbose");
    }

    private static Map<String, Set<String>> plain(Map<String, Set<String>> lists) {
        Map<String, Set<String>> copy = new TreeMap<>();
        lists.forEach((cmdlet, parameters) -> copy.put(cmdlet, new TreeSet<>(parameters)));
        return copy;
    }
}
