package io.serviceaccountbot.identity;

/** Start-up refused: no tenant is configured, and this jar does not carry the simulated tenant sandbox mode needs. */
public class SimulatedTenantMissingException extends RuntimeException {

    SimulatedTenantMissingException() {
        super("No tenant is configured and this jar has no simulated tenant for sandbox mode");
    }
}
