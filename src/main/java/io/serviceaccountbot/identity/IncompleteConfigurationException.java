package io.serviceaccountbot.identity;

import java.util.List;

/** Start-up refused: a tenant is configured, so the bot runs in production, but settings it needs are missing. */
public class IncompleteConfigurationException extends RuntimeException {

    private final List<String> missing;

    IncompleteConfigurationException(List<String> missing) {
        super("Production mode (bot.identity.tenant-id is set) needs settings that are missing: "
                + String.join("; ", missing));
        this.missing = List.copyOf(missing);
    }

    /** The missing settings, one entry each. */
    public List<String> missing() {
        return missing;
    }
}
