package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SimulatedRunbookLists;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The simulated runbook allows exactly what the bot may ask of the runner, and the simulated Exchange Server session
 * answers every allowed cmdlet with every allowed parameter: the bot's list, the runbook's and the simulator's agree.
 */
class SimulatedRunbookAllowListTest {

    @Test
    void theSimulatedRunbookAllowsExactlyTheBotsCmdletsAndParameters() {
        assertThat(SimulatedRunbookLists.allowed()).isEqualTo(plain(RunnerCmdlets.ALLOWED));
    }

    @Test
    void theSimulatedRunbookTakesExactlyTheBotsSecretParametersByName() {
        assertThat(SimulatedRunbookLists.secretParameters()).isEqualTo(plain(RunnerCmdlets.SECRET_PARAMETERS));
    }

    @Test
    void everyAllowedCmdletAndParameterIsOneTheSimulatedExchangeServerAnswers() {
        Map<String, Set<String>> server = SimulatedRunbookLists.serverCmdlets();

        assertThat(server.keySet()).containsAll(RunnerCmdlets.ALLOWED.keySet());
        RunnerCmdlets.ALLOWED.forEach((cmdlet, parameters) -> {
            Set<String> accepted = new TreeSet<>(server.get(cmdlet));
            accepted.addAll(SimulatedRunbookLists.commonParameters());
            assertThat(accepted).as(cmdlet).containsAll(parameters);
        });
    }

    private static Map<String, Set<String>> plain(Map<String, Set<String>> lists) {
        Map<String, Set<String>> copy = new TreeMap<>();
        lists.forEach((cmdlet, parameters) -> copy.put(cmdlet, new TreeSet<>(parameters)));
        return copy;
    }
}
