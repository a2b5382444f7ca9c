package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What {@code doctor} reads of the simulated Automation account besides jobs, in Azure Resource Manager's shapes
 * (api-version 2024-10-23): the runbook, always Published ({@code Runbook - Get}), and the worker group's one worker
 * with the time it last checked in ({@code Hybrid Runbook Workers - List By Hybrid Runbook Worker Group}), which stops
 * moving while the worker group is offline ({@code PUT /sandbox/control/runner/worker}).
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping(ArmGate.PREFIX + "/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers"
        + "/Microsoft.Automation/automationAccounts/{account}")
class AutomationAccountEndpoint {

    private final SimulatedAutomation automation;
    private final SandboxProperties.Runner account;

    AutomationAccountEndpoint(SimulatedAutomation automation) {
        this.automation = automation;
        this.account = automation.account();
    }

    @GetMapping("/runbooks/{runbook}")
    ResponseEntity<Object> runbook(
            @PathVariable String subscription,
            @PathVariable String resourceGroup,
            @PathVariable String account,
            @PathVariable String runbook) {
        Optional<ResponseEntity<Object>> elsewhere =
                ArmAnswers.elsewhere(this.account, subscription, resourceGroup, account);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        if (!SimulatedRunbook.NAME.equalsIgnoreCase(runbook)) {
            return ArmAnswers.automation(HttpStatus.NOT_FOUND, "NotFound", "Runbook not found.");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("runbookType", "PowerShell");
        properties.put("state", "Published");
        properties.put("logVerbose", false);
        properties.put("logProgress", false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", ArmAnswers.accountId(this.account) + "/runbooks/" + SimulatedRunbook.NAME);
        body.put("name", SimulatedRunbook.NAME);
        body.put("type", "Microsoft.Automation/AutomationAccounts/Runbooks");
        body.put("properties", properties);
        return ResponseEntity.ok(body);
    }

    @GetMapping("/hybridRunbookWorkerGroups/{group}/hybridRunbookWorkers")
    ResponseEntity<Object> workers(
            @PathVariable String subscription,
            @PathVariable String resourceGroup,
            @PathVariable String account,
            @PathVariable String group) {
        Optional<ResponseEntity<Object>> elsewhere =
                ArmAnswers.elsewhere(this.account, subscription, resourceGroup, account);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        if (!this.account.workerGroup().equalsIgnoreCase(group)) {
            return ArmAnswers.automation(HttpStatus.NOT_FOUND, "NotFound", "Hybrid Runbook Worker Group not found.");
        }
        String id = "c0ffee00-0000-4000-8000-000000000001";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ip", "10.0.0.4");
        properties.put("registeredDateTime", "2026-11-01T09:00:00+00:00");
        properties.put("lastSeenDateTime", ArmAnswers.time(automation.workerLastSeen()));
        properties.put("vmResourceId", "");
        properties.put("workerType", "HybridV2");
        properties.put("workerName", "RUNNER01");
        Map<String, Object> worker = new LinkedHashMap<>();
        worker.put(
                "id",
                ArmAnswers.accountId(this.account) + "/hybridRunbookWorkerGroups/" + this.account.workerGroup()
                        + "/hybridRunbookWorkers/" + id);
        worker.put("name", id);
        worker.put("type", "Microsoft.Automation/AutomationAccounts/HybridRunbookWorkerGroups/HybridRunbookWorkers");
        worker.put("properties", properties);
        return ResponseEntity.ok(Map.of("value", List.of(worker)));
    }
}
