package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.PasswordGenerator;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import io.serviceaccountbot.tenant.SecretStore.StoredSecret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A sandbox user reads a generated password over real HTTP, at the address the stored location names, and gets
 * nothing else: no caching, no other names, nothing from a tampered file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxSecretsIT {

    static final Path DIRECTORY = temporaryDirectory();

    @LocalServerPort
    int port;

    @Autowired
    SecretStore secrets;

    @Autowired
    PasswordGenerator passwords;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void secretsDirectory(DynamicPropertyRegistry registry) {
        registry.add("bot.secrets.directory", DIRECTORY::toString);
    }

    @AfterAll
    static void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void aGeneratedPasswordIsReadAtTheAddressItsLocationGives() throws Exception {
        Secret password = passwords.generate();
        StoredSecret stored = secrets.put(SecretNames.forPassword("svc-demo"), password);

        Matcher curl = Pattern.compile("read it with curl (\\S+)$").matcher(stored.location());
        assertThat(curl.find()).as(stored.location()).isTrue();
        assertThat(curl.group(1)).isEqualTo("http://127.0.0.1:" + port + "/sandbox/secrets/svc-demo-password");
        assertThat(stored.location())
                .startsWith("the sandbox secret store, file " + DIRECTORY.resolve("svc-demo-password.secret"))
                .doesNotContain(password.reveal());

        HttpResponse<String> response = get(URI.create(curl.group(1)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(password.reveal());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(response.headers().allValues("Cache-Control"))
                .singleElement()
                .asString()
                .contains("no-store");
    }

    @Test
    void namesAreReadWithoutRegardToCase() throws Exception {
        Secret password = passwords.generate();
        secrets.put("svc-case-password", password);

        assertThat(get("SVC-Case-Password").body()).isEqualTo(password.reveal());
    }

    @Test
    void anUnknownNameIsNotFound() throws Exception {
        HttpResponse<String> response = get("svc-nobody-password");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("No secret is named svc-nobody-password.\n");
    }

    @Test
    void namesOutsideTheAllowedPatternAreRefused() throws Exception {
        for (String name : new String[] {"svc_sync", "svc.sync", "secrets.key", "a".repeat(128), "svc%20sync"}) {
            assertThat(get(name).statusCode()).as(name).isEqualTo(400);
        }
        assertThat(get("..%2Fsecrets.key").statusCode()).isEqualTo(400);
    }

    @Test
    void aTamperedSecretIsRefusedWithTheReasonAndNothingOfTheValue() throws Exception {
        Secret password = passwords.generate();
        secrets.put("svc-tampered-password", password);
        Path file = DIRECTORY.resolve("svc-tampered-password.secret");
        flipACiphertextBit(file);

        HttpResponse<String> response = get("svc-tampered-password");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("fails its integrity check").doesNotContain(password.reveal());
    }

    private static void flipACiphertextBit(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("ciphertext: ")) {
                byte[] bytes = Base64.getDecoder().decode(line.substring("ciphertext: ".length()));
                bytes[0] ^= 0x01;
                line = "ciphertext: " + Base64.getEncoder().encodeToString(bytes);
            }
            text.append(line).append('\n');
        }
        Files.writeString(file, text);
    }

    private HttpResponse<String> get(String name) throws Exception {
        return get(URI.create("http://127.0.0.1:" + port + "/sandbox/secrets/" + name));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("sandbox-secrets-it");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
