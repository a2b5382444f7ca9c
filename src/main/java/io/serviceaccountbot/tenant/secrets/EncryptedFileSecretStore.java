package io.serviceaccountbot.tenant.secrets;

import io.serviceaccountbot.storage.OwnerOnlyFiles;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import io.serviceaccountbot.tenant.TenantException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's secret store: one AES-256-GCM encrypted file per secret ({@code <name>.secret}) under a directory, with
 * the key in {@code secrets.key} beside them. Files are replaced in one step, so a reader sees the old secret or the
 * new one, never half of either; puts of the same name are taken one at a time, so the last put is the one kept.
 * Everything survives a restart. Names are lowercased, as Key Vault compares them without regard to case.
 */
final class EncryptedFileSecretStore implements SecretStore {

    static final String SERVICE = "Sandbox secret store";
    static final String EXTENSION = ".secret";

    private static final Logger log = LoggerFactory.getLogger(EncryptedFileSecretStore.class);

    private final Path directory;
    private final Clock clock;
    private final Supplier<String> readUrl;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
    private volatile SecretKey key;

    /**
     * @param directory where the files are
     * @param clock gives each version its time
     * @param readUrl the URL a sandbox user reads secrets from, up to and including the slash before the name
     */
    EncryptedFileSecretStore(Path directory, Clock clock, Supplier<String> readUrl) {
        this.directory = directory;
        this.clock = clock;
        this.readUrl = readUrl;
    }

    @Override
    public StoredSecret put(String name, Secret secret) {
        String normalized = normalize(name);
        Path file = file(normalized);
        synchronized (locks.computeIfAbsent(normalized, n -> new Object())) {
            try {
                byte[] content = EncryptedSecretFile.encrypt(normalized, clock.instant(), secret, key(), random);
                OwnerOnlyFiles.replace(file, content);
            } catch (IOException | GeneralSecurityException e) {
                throw failure("could not write " + display(file), e);
            }
        }
        log.info("Stored secret {} in {}", normalized, display(file));
        return new StoredSecret(normalized, location(normalized, file));
    }

    @Override
    public Optional<Secret> get(String name) {
        String normalized = normalize(name);
        Path file = file(normalized);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("could not read " + display(file), e);
        }
        try {
            return Optional.of(EncryptedSecretFile.decrypt(normalized, content, existingKey(file)));
        } catch (EncryptedSecretFile.Unreadable e) {
            throw new TenantException(
                    TenantException.Kind.INVALID_REQUEST,
                    SERVICE,
                    "SecretUnreadable",
                    null,
                    "The sandbox secret store refused " + display(file) + ": " + e.getMessage()
                            + ". Nothing of its value was read; store the secret again (reset the password).",
                    e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private SecretKey key() throws IOException {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = SandboxKey.loadOrCreate(directory, random);
                }
                current = key;
            }
        }
        return current;
    }

    private SecretKey existingKey(Path file) throws EncryptedSecretFile.Unreadable {
        if (key != null) {
            return key;
        }
        try {
            synchronized (this) {
                if (key == null) {
                    key = SandboxKey.load(directory)
                            .orElseThrow(() -> new EncryptedSecretFile.Unreadable(
                                    "its key " + display(directory.resolve(SandboxKey.FILE_NAME)) + " is missing",
                                    null));
                }
                return key;
            }
        } catch (IOException e) {
            throw new EncryptedSecretFile.Unreadable("its key cannot be read: " + e.getMessage(), e);
        }
    }

    private String location(String name, Path file) {
        return "the sandbox secret store, file " + display(file) + "; read it with curl " + readUrl.get() + name;
    }

    private Path file(String normalizedName) {
        return directory.resolve(normalizedName + EXTENSION);
    }

    private static String display(Path path) {
        return path.normalize().toString();
    }

    private static String normalize(String name) {
        if (!SecretNames.isValid(name)) {
            throw new IllegalArgumentException("A secret name is 1 to 127 letters, digits and dashes");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static TenantException failure(String what, Exception cause) {
        return new TenantException(
                TenantException.Kind.UNAVAILABLE,
                SERVICE,
                cause.getClass().getSimpleName(),
                null,
                "The sandbox secret store " + what + ": " + cause.getMessage(),
                cause);
    }
}
