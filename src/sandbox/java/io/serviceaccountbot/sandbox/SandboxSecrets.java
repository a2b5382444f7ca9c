package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import io.serviceaccountbot.tenant.TenantException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/secrets/{name}}: how a sandbox user reads a password the bot generated, since the chat never
 * shows it. The value comes from the {@link SecretStore} port (the sandbox's encrypted file store) as {@code
 * text/plain}, exactly, without a line break, and must not be cached. Served in sandbox mode only, and only to callers
 * on this machine even when the server is bound to another address.
 */
@RestController
@ConditionalOnSandboxMode
class SandboxSecrets {

    private static final Logger log = LoggerFactory.getLogger(SandboxSecrets.class);
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final SecretStore secrets;

    SandboxSecrets(SecretStore secrets) {
        this.secrets = secrets;
    }

    @GetMapping("/sandbox/secrets/{name}")
    ResponseEntity<String> read(@PathVariable String name, HttpServletRequest request) {
        if (!fromThisMachine(request)) {
            return answer(HttpStatus.FORBIDDEN, "Sandbox secrets are served to this machine only.\n");
        }
        if (!SecretNames.isValid(name)) {
            return answer(HttpStatus.BAD_REQUEST, "A secret name is 1 to 127 letters, digits and dashes.\n");
        }
        try {
            return secrets.get(name)
                    .map(secret -> {
                        log.info("Sandbox secret {} was read from {}", name, request.getRemoteAddr());
                        return answer(HttpStatus.OK, secret.reveal());
                    })
                    .orElseGet(() -> answer(HttpStatus.NOT_FOUND, "No secret is named " + name + ".\n"));
        } catch (TenantException e) {
            return answer(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage() + "\n");
        }
    }

    private static ResponseEntity<String> answer(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .contentType(TEXT)
                .body(body);
    }

    private static boolean fromThisMachine(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
