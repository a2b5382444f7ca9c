package io.serviceaccountbot.tenant.secrets;

import io.serviceaccountbot.storage.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox store's AES-256 key: 32 random bytes in {@code secrets.key} beside the secrets, created on first use,
 * readable by its owner only.
 */
final class SandboxKey {

    static final String FILE_NAME = "secrets.key";
    static final int BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SandboxKey.class);

    private SandboxKey() {}

    /** The key in the directory, created now if there is none. */
    static SecretKey loadOrCreate(Path directory, SecureRandom random) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            OwnerOnlyFiles.createDirectories(directory);
            byte[] raw = new byte[BYTES];
            random.nextBytes(raw);
            try {
                if (OwnerOnlyFiles.createIfAbsent(file, raw)) {
                    log.info("Created the sandbox secret store's key {}", file);
                }
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        }
        return load(directory).orElseThrow(() -> new NoSuchFileException(file.toString()));
    }

    /** The key in the directory, if there is one. */
    static Optional<SecretKey> load(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            if (raw.length != BYTES) {
                throw new IOException(file + " is not a 256-bit key (" + raw.length + " bytes instead of " + BYTES
                        + "); move it away to start a new store, which makes the existing secrets unreadable");
            }
            if (!OwnerOnlyFiles.isOwnerOnly(file)) {
                log.warn("{} can be read by other users; restrict it to its owner (chmod 600)", file);
            }
            return Optional.of(new SecretKeySpec(raw, "AES"));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
