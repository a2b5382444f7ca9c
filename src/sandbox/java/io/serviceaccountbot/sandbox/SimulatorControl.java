package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sandbox/control}: tests and benchmarks script the simulated tenant's faults, latency and refused
 * permissions, take the identity platform away for some token scopes, read its call counts, and return it to its seed. Served only in sandbox mode, on the loopback address.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping("/sandbox/control")
class SimulatorControl {

    private final SimulatorFaults faults;
    private final SimulatedPermissions permissions;
    private final SimulatedTenant tenant;
    private final SimulatedIdentityPlatform identity;

    SimulatorControl(
            SimulatorFaults faults,
            SimulatedPermissions permissions,
            SimulatedTenant tenant,
            SimulatedIdentityPlatform identity) {
        this.faults = faults;
        this.permissions = permissions;
        this.tenant = tenant;
        this.identity = identity;
    }

    /**
     * Returns the tenant to its seed: the seed's people, groups and licences, no other account, an empty Exchange
     * organisation. The bot's own database (requests, audit log) and the secret store are not touched.
     */
    @PostMapping("/reset")
    ResponseEntity<Void> reset() {
        tenant.reset();
        return ResponseEntity.noContent().build();
    }

    /** Deletes a user (by object id or sign-in name), as an admin may behind the bot's back; 404 when there is none. */
    @DeleteMapping("/users/{idOrUpn}")
    ResponseEntity<Void> deleteUser(@PathVariable String idOrUpn) {
        return tenant.deleteUser(idOrUpn)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    /**
     * Scripts a fault, e.g. {@code {"service":"GRAPH","matching":"assignLicense","status":429,"retryAfterSeconds":1,
     * "times":2}}; only the service is required (status 0 means a timeout).
     */
    @PostMapping("/faults")
    ResponseEntity<Void> inject(@RequestBody FaultRequest fault) {
        faults.inject(new SimulatorFaults.Fault(
                fault.service(),
                fault.matching() == null ? "" : fault.matching(),
                fault.status() == null ? 503 : fault.status(),
                fault.retryAfterSeconds() == null ? 0 : fault.retryAfterSeconds(),
                fault.times() == null ? 1 : Math.max(1, fault.times()),
                fault.hang() == null ? Duration.ofSeconds(30) : fault.hang()));
        return ResponseEntity.noContent().build();
    }

    /** A fault as posted; everything but the service may be left out. */
    record FaultRequest(
            SimulatorFaults.Service service,
            String matching,
            Integer status,
            Integer retryAfterSeconds,
            Integer times,
            Duration hang) {}

    @DeleteMapping("/faults")
    ResponseEntity<Void> clear() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    /** Sets the latency of every call, e.g. {@code {"millis":100}}. */
    @PutMapping("/latency")
    ResponseEntity<Void> latency(@RequestBody Map<String, Long> body) {
        faults.setLatency(Duration.ofMillis(body.getOrDefault("millis", 0L)));
        return ResponseEntity.noContent().build();
    }

    /** Which application permissions the simulated tenant refuses, e.g. {@code {"refused":["Domain.Read.All"]}}. */
    @PutMapping("/permissions")
    ResponseEntity<Map<String, Object>> permissions(@RequestBody Map<String, List<String>> body) {
        permissions.refuse(body.getOrDefault("refused", List.of()));
        return permissions();
    }

    @GetMapping("/permissions")
    ResponseEntity<Map<String, Object>> permissions() {
        return ResponseEntity.ok(
                Map.of("refused", permissions.refused(), "known", new java.util.TreeSet<>(SimulatedPermissions.ALL)));
    }

    /**
     * Which token scopes the identity platform refuses, e.g. {@code {"refused":["https://api.botframework.com/.default"]}}
     * takes the Bot Connector's tokens away; {@code {"refused":[]}} gives them back.
     */
    @PutMapping("/identity")
    ResponseEntity<Map<String, Object>> identity(@RequestBody Map<String, List<String>> body) {
        identity.refuse(body.getOrDefault("refused", List.of()));
        return identity();
    }

    /** The refused scopes, and how many token requests were refused since start. */
    @GetMapping("/identity")
    ResponseEntity<Map<String, Object>> identity() {
        return ResponseEntity.ok(Map.of("refused", identity.refused(), "refusals", identity.refusals()));
    }

    @GetMapping("/calls")
    Map<String, Object> calls() {
        Map<String, Object> counts = new LinkedHashMap<>();
        faults.callCounts().forEach((service, count) -> counts.put(service.name(), count));
        return counts;
    }

    @DeleteMapping("/calls")
    ResponseEntity<Void> resetCalls() {
        faults.resetCounts();
        return ResponseEntity.noContent().build();
    }
}
