package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.storage.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file that keeps the simulated tenant between runs, readable by its owner only. It is replaced whole, in one
 * step, after every request that changed the tenant and before that request is answered, so neither a clean stop nor
 * {@code kill -9} loses a change a caller was told about. A file that cannot be read is moved aside (never deleted),
 * and the tenant starts from its seed.
 */
final class TenantFile {

    private static final Logger log = LoggerFactory.getLogger(TenantFile.class);

    private final Path file;
    private final SimulatedTenant tenant;
    private final JsonMapper json;
    private final Clock clock;
    private byte[] written = new byte[0];

    TenantFile(Path file, SimulatedTenant tenant, JsonMapper json, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.tenant = tenant;
        this.json = json;
        this.clock = clock;
    }

    Path path() {
        return file;
    }

    /** Carries on from the file when there is one, else from the seed; either way the file then holds the tenant. */
    synchronized void open() throws IOException {
        if (Files.exists(file)) {
            restoreFromFile();
        } else {
            log.info("The simulated tenant starts from its seed and is kept in {}", file);
        }
        saveIfChanged();
    }

    /** Writes the tenant unless the file holds it as it is already. */
    synchronized void saveIfChanged() throws IOException {
        byte[] now = json.writeValueAsBytes(tenant.saved());
        if (Arrays.equals(now, written)) {
            return;
        }
        OwnerOnlyFiles.createDirectories(file.getParent());
        OwnerOnlyFiles.replace(file, now);
        written = now;
    }

    private void restoreFromFile() throws IOException {
        SavedTenant saved;
        try {
            saved = json.readValue(Files.readAllBytes(file), SavedTenant.class);
            if (saved.format() > SavedTenant.FORMAT || saved.directory() == null) {
                throw new IllegalStateException("it was written by a newer bot, or is not a simulated tenant");
            }
            tenant.restore(saved);
        } catch (JacksonException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                            .format(clock.instant().atZone(clock.getZone())));
            Files.move(file, aside);
            tenant.reset();
            log.warn(
                    "The simulated tenant in {} could not be read ({}); it was moved to {}, and the tenant starts"
                            + " from its seed",
                    file,
                    e.getMessage(),
                    aside);
            return;
        }
        log.info(
                "The simulated tenant carries on from {} ({} users); POST /sandbox/control/reset starts it afresh",
                file,
                saved.directory().users().size());
        if (!tenant.seedDigest().equals(saved.seed())) {
            log.warn(
                    "The simulated tenant in {} began from another seed than bot.sandbox.seed is now; POST"
                            + " /sandbox/control/reset starts it afresh from the new seed",
                    file);
        }
    }
}
