package io.serviceaccountbot.tenant.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.serviceaccountbot.storage.OwnerOnlyFiles;
import io.serviceaccountbot.tenant.PasswordGenerator;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretStore.StoredSecret;
import io.serviceaccountbot.tenant.TenantException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretStoreTest {

    private static final String READ_URL = "http://127.0.0.1:3978/sandbox/secrets/";

    @TempDir
    Path temp;

    private final PasswordGenerator passwords = new PasswordGenerator(24);

    private EncryptedFileSecretStore store(Path directory) {
        return new EncryptedFileSecretStore(directory, Clock.systemUTC(), () -> READ_URL);
    }

    @Test
    void aStoredSecretReadsBackAndItsLocationSaysHowToReadIt() {
        Path directory = temp.resolve("data/secrets");
        Secret password = passwords.generate();

        StoredSecret stored = store(directory).put("svc-sync-password", password);

        assertThat(store(directory).get("svc-sync-password")).contains(password);
        assertThat(stored.name()).isEqualTo("svc-sync-password");
        assertThat(stored.location())
                .isEqualTo("the sandbox secret store, file " + directory.resolve("svc-sync-password.secret")
                        + "; read it with curl http://127.0.0.1:3978/sandbox/secrets/svc-sync-password")
                .doesNotContain(password.reveal());
    }

    @Test
    void theLocationShowsARelativeDirectoryAsConfigured() {
        EncryptedFileSecretStore relative = new EncryptedFileSecretStore(
                Path.of("./target/test-secrets-" + System.nanoTime()), Clock.systemUTC(), () -> READ_URL);
        try {
            assertThat(relative.put("svc-a-password", passwords.generate()).location())
                    .startsWith("the sandbox secret store, file target/test-secrets-")
                    .contains("/svc-a-password.secret; read it with curl ");
        } finally {
            deleteRecursively(Path.of("target"), "test-secrets-");
        }
    }

    @Test
    void aReplacedSecretReadsAsTheLatest() {
        EncryptedFileSecretStore store = store(temp);
        store.put("svc-sync-password", Secret.of("first-Version-1-aaaaaaaaaaa"));
        Secret latest = passwords.generate();
        store.put("svc-sync-password", latest);

        assertThat(store.get("svc-sync-password")).contains(latest);
    }

    @Test
    void secretsSurviveARestart() {
        Secret password = passwords.generate();
        store(temp).put("svc-sync-password", password);

        EncryptedFileSecretStore afterRestart = store(temp);

        assertThat(afterRestart.get("svc-sync-password")).contains(password);
    }

    @Test
    void namesAreComparedWithoutRegardToCaseAsInKeyVault() {
        Secret password = passwords.generate();
        StoredSecret stored = store(temp).put("SVC-Sync-Password", password);

        assertThat(stored.name()).isEqualTo("svc-sync-password");
        assertThat(store(temp).get("svc-sync-PASSWORD")).contains(password);
    }

    @Test
    void anUnknownNameHasNoSecretAndLookingCreatesNothing() {
        Path directory = temp.resolve("absent");

        assertThat(store(directory).get("svc-nobody-password")).isEmpty();
        assertThat(directory).doesNotExist();
    }

    @Test
    void namesOutsideKeyVaultsRulesAreRefused() {
        EncryptedFileSecretStore store = store(temp);
        for (String name : List.of("../secrets", "svc/sync", "svc_sync", "", "a".repeat(128))) {
            assertThatThrownBy(() -> store.put(name, Secret.of("x"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.get(name)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aTamperedCiphertextIsRefusedClearlyWithNothingOfTheValue() throws Exception {
        Secret password = passwords.generate();
        store(temp).put("svc-sync-password", password);
        Path file = temp.resolve("svc-sync-password.secret");
        rewriteField(file, "ciphertext", bytes -> bytes[3] ^= 0x01);

        assertThatThrownBy(() -> store(temp).get("svc-sync-password"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.INVALID_REQUEST);
                    assertThat(e.service()).isEqualTo("Sandbox secret store");
                    assertThat(e.code()).isEqualTo("SecretUnreadable");
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining(file.toString())
                .hasMessageContaining("fails its integrity check")
                .hasMessageContaining("Nothing of its value was read")
                .message()
                .doesNotContain(password.reveal());
    }

    @Test
    void aChangedVersionOrAFileCopiedToAnotherNameIsRefused() throws Exception {
        EncryptedFileSecretStore store = store(temp);
        store.put("svc-a-password", passwords.generate());
        Files.copy(temp.resolve("svc-a-password.secret"), temp.resolve("svc-b-password.secret"));
        assertThatThrownBy(() -> store.get("svc-b-password")).hasMessageContaining("integrity check");

        Path file = temp.resolve("svc-a-password.secret");
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("version: \\S+", "version: 2020-01-01T00:00:00Z"));
        assertThatThrownBy(() -> store.get("svc-a-password")).hasMessageContaining("integrity check");
    }

    @Test
    void aSecretEncryptedWithAnotherKeyIsRefused() throws Exception {
        store(temp).put("svc-sync-password", passwords.generate());
        Path other = temp.resolve("other");
        store(other).put("svc-other-password", passwords.generate());
        Files.copy(
                other.resolve("secrets.key"),
                temp.resolve("secrets.key"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> store(temp).get("svc-sync-password")).hasMessageContaining("another key");
    }

    @Test
    void aSecretWhoseKeyIsGoneIsRefusedWithoutMakingANewKey() throws Exception {
        store(temp).put("svc-sync-password", passwords.generate());
        Files.delete(temp.resolve("secrets.key"));

        assertThatThrownBy(() -> store(temp).get("svc-sync-password"))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("secrets.key is missing");
        assertThat(temp.resolve("secrets.key")).doesNotExist();
    }

    @Test
    void aFileThatIsNotASecretIsRefused() throws Exception {
        store(temp).put("svc-a-password", passwords.generate());
        Files.writeString(temp.resolve("svc-b-password.secret"), "hello");

        assertThatThrownBy(() -> store(temp).get("svc-b-password")).hasMessageContaining("not a sandbox secret file");
    }

    @Test
    void aKeyFileOfTheWrongSizeIsRefused() throws Exception {
        Files.write(temp.resolve("secrets.key"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> store(temp).put("svc-a-password", passwords.generate()))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("is not a 256-bit key");
    }

    @Test
    void theFileHoldsNeitherTheValueNorItsBase64() throws Exception {
        Secret password = passwords.generate();
        store(temp).put("svc-sync-password", password);

        String file = Files.readString(temp.resolve("svc-sync-password.secret"));
        assertThat(file)
                .startsWith("service-account-bot sandbox secret\nformat: 1\nversion: ")
                .contains("\nnonce: ", "\nciphertext: ")
                .doesNotContain(password.reveal())
                .doesNotContain(
                        Base64.getEncoder().encodeToString(password.reveal().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachVersionRecordsWhenItWasWritten() throws Exception {
        Instant now = Instant.parse("2026-11-27T10:15:30.123Z");
        new EncryptedFileSecretStore(temp, Clock.fixed(now, ZoneOffset.UTC), () -> READ_URL)
                .put("svc-sync-password", passwords.generate());

        assertThat(Files.readString(temp.resolve("svc-sync-password.secret"))).contains("\nversion: " + now + "\n");
    }

    @Test
    void theKeyTheSecretsAndTheirDirectoryAreForTheOwnerOnly() throws Exception {
        Path directory = temp.resolve("data/secrets");
        store(directory).put("svc-sync-password", passwords.generate());
        assumeTrue(OwnerOnlyFiles.supportsPosix(directory), "the file system has POSIX permissions");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("secrets.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(directory.resolve("svc-sync-password.secret"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                .isEqualTo("rwx------");
        assertThat(Files.size(directory.resolve("secrets.key"))).isEqualTo(32);
    }

    @Test
    void concurrentPutsAndReadsNeverSeeHalfASecretAndTheLastPutIsKept() throws Exception {
        EncryptedFileSecretStore store = store(temp);
        List<String> names = List.of("svc-a-password", "svc-b-password", "svc-c-password");
        Set<Secret> written = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                writers.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 40; i++) {
                        Secret secret = passwords.generate();
                        written.add(secret);
                        store.put(names.get(i % names.size()), secret);
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(threads.submit(() -> {
                    start.await();
                    int reads = 0;
                    while (writing.get()) {
                        for (String name : names) {
                            Optional<Secret> read = store.get(name);
                            read.ifPresent(secret -> assertThat(written).contains(secret));
                            reads++;
                        }
                    }
                    return reads;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            threads.shutdownNow();
        }

        Secret last = passwords.generate();
        store.put("svc-a-password", last);
        assertThat(store(temp).get("svc-a-password")).contains(last);
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "secrets.key", "svc-a-password.secret", "svc-b-password.secret", "svc-c-password.secret");
        }
    }

    @Test
    void neitherAPutNorAGetLogsTheValue() {
        Secret password = passwords.generate();
        try (CapturedLogs logs = new CapturedLogs("io.serviceaccountbot")) {
            EncryptedFileSecretStore store = store(temp);
            store.put("svc-sync-password", password);
            store.get("svc-sync-password");

            assertThat(logs.count()).isPositive();
            assertThat(logs.text()).contains("svc-sync-password").doesNotContain(password.reveal());
        }
    }

    private interface ByteEdit {
        void apply(byte[] bytes);
    }

    private static void rewriteField(Path file, String field, ByteEdit edit) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(field + ": ")) {
                byte[] bytes = Base64.getDecoder().decode(lines.get(i).substring(field.length() + 2));
                edit.apply(bytes);
                lines.set(i, field + ": " + Base64.getEncoder().encodeToString(bytes));
            }
        }
        Files.write(file, lines);
    }

    private static void deleteRecursively(Path parent, String prefix) {
        try (Stream<Path> children = Files.list(parent)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .toList()) {
                try (Stream<Path> tree = Files.walk(child)) {
                    tree.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
