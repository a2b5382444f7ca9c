package io.serviceaccountbot.identity;

import java.util.List;

/**
 * Settings that a production start cannot do without. Each module's configuration properties implement this, and
 * start-up in production mode fails with one message naming every setting that is missing.
 */
public interface RequiredSettings {

    /** Human-readable names of the settings that are missing, with what they are for; empty when complete. */
    List<String> missingForProduction();
}
