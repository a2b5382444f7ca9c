package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sandbox/control/runner}: tests script what the simulated Exchange Server runner's next jobs suffer (Failed,
 * Suspended), take its Hybrid Runbook Worker group offline and back, set how long a job waits before it starts, and
 * choose the Exchange server its runbook reaches. HTTP faults and latency of Resource Manager itself are scripted with
 * service {@code ARM} on {@code /sandbox/control/faults} and {@code /sandbox/control/latency}.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping("/sandbox/control/runner")
class RunnerControl {

    private static final String DEFAULT_FAILURE = "Connecting to remote server %s failed with the following error"
            + " message : The WinRM client cannot complete the operation within the time specified. Check if the"
            + " machine name is valid and is reachable over the network and firewall exception for Windows Remote"
            + " Management service is enabled. For more information, see the about_Remote_Troubleshooting Help"
            + " topic.";
    private static final String DEFAULT_SUSPENSION = "The job action 'Activate' cannot be run, because the process"
            + " stopped unexpectedly. The job action was attempted 3 times.";

    private final SimulatedAutomation automation;

    RunnerControl(SimulatedAutomation automation) {
        this.automation = automation;
    }

    @GetMapping
    SimulatedAutomation.State state() {
        return automation.state();
    }

    /** Every job's name, status and parameters, as the Automation account's job history shows them. */
    @GetMapping("/history")
    List<Map<String, Object>> history() {
        return automation.history();
    }

    /**
     * The next {@code times} jobs created suffer the outcome, e.g. {@code {"outcome":"Failed","times":2}} (the Exchange
     * session is lost, after {@code afterCmdlets} of the job's cmdlets ran, 0 unless given) or {@code
     * {"outcome":"Suspended"}}; {@code exception} replaces the default text.
     */
    @PostMapping("/faults")
    ResponseEntity<Object> fault(@RequestBody FaultRequest fault) {
        SimulatedAutomation.FaultOutcome outcome;
        try {
            outcome = SimulatedAutomation.FaultOutcome.valueOf(
                    fault.outcome() == null ? "" : fault.outcome().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "outcome is Failed or Suspended"));
        }
        String exception = fault.exception() != null && !fault.exception().isBlank()
                ? fault.exception()
                : outcome == SimulatedAutomation.FaultOutcome.FAILED
                        ? DEFAULT_FAILURE.formatted(automation.state().session().serverName())
                        : DEFAULT_SUSPENSION;
        automation.script(new SimulatedAutomation.ScriptedFault(
                outcome,
                fault.times() == null ? 1 : Math.max(1, fault.times()),
                exception,
                fault.afterCmdlets() == null ? 0 : Math.max(0, fault.afterCmdlets())));
        return ResponseEntity.noContent().build();
    }

    /** A runner fault as posted; only the outcome is required. */
    record FaultRequest(String outcome, Integer times, String exception, Integer afterCmdlets) {}

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        automation.clearFaults();
        return ResponseEntity.noContent().build();
    }

    /** {@code {"online":false}} takes the worker group offline (new jobs stay New); {@code true} starts them. */
    @PutMapping("/worker")
    ResponseEntity<Object> worker(@RequestBody Map<String, Boolean> body) {
        Boolean online = body.get("online");
        if (online == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "online is true or false"));
        }
        automation.workerOnline(online);
        return ResponseEntity.noContent().build();
    }

    /** How long a new job stays New before the worker picks it up, e.g. {@code {"millis":2000}}. */
    @PutMapping("/start-delay")
    ResponseEntity<Void> startDelay(@RequestBody Map<String, Long> body) {
        automation.startDelay(Duration.ofMillis(Math.max(0, body.getOrDefault("millis", 0L))));
        return ResponseEntity.noContent().build();
    }

    /**
     * The Exchange server the runbook reaches, e.g. {@code {"version":"Version 15.1 (Build 2507.6)"}} for Exchange
     * 2016 CU23; a missing field keeps its value.
     */
    @PutMapping("/server")
    ResponseEntity<Void> server(@RequestBody Map<String, String> body) {
        automation.server(body.get("name"), body.get("version"));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
