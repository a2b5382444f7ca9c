package io.serviceaccountbot.identity;

import java.util.List;

/** Start-up refused: the bot would run in sandbox mode, which has no authentication, on an address others can reach. */
public class SandboxExposedException extends RuntimeException {

    private final List<String> settings;

    SandboxExposedException(List<String> settings) {
        super("Sandbox mode listens on loopback only, but " + String.join(" and ", settings)
                + " would make it reachable from the network");
        this.settings = List.copyOf(settings);
    }

    /** The offending settings, as {@code name=value}. */
    public List<String> settings() {
        return settings;
    }
}
