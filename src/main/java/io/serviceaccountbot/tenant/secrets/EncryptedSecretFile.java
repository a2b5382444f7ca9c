package io.serviceaccountbot.tenant.secrets;

import io.serviceaccountbot.tenant.Secret;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * One secret as the sandbox store keeps it on disk: a few lines of text holding the format, the version (when it was
 * written), the 96-bit nonce and the AES-256-GCM ciphertext with its 128-bit tag, both in Base64.
 *
 * <p>The format, the secret's name and the version are authenticated with the ciphertext (GCM's associated data), so
 * a file copied under another name, a changed version or a changed byte of ciphertext fails the check, and nothing of
 * the value is returned: GCM releases the plaintext only after the tag has been verified.
 */
final class EncryptedSecretFile {

    static final String HEADER = "service-account-bot sandbox secret";
    static final String FORMAT = "1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";

    private EncryptedSecretFile() {}

    /** The file's content for this secret. */
    static byte[] encrypt(String name, Instant version, Secret secret, SecretKey key, SecureRandom random)
            throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData(name, version.toString()));
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret.reveal()));
        byte[] plaintext = new byte[encoded.remaining()];
        encoded.get(plaintext);
        byte[] ciphertext;
        try {
            ciphertext = cipher.doFinal(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
            wipe(encoded);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        String text = HEADER + "\nformat: " + FORMAT + "\nversion: " + version + "\nnonce: "
                + base64.encodeToString(nonce) + "\nciphertext: " + base64.encodeToString(ciphertext) + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The secret in the file's content.
     *
     * @throws Unreadable if the content is not such a file, or fails its integrity check
     */
    static Secret decrypt(String name, byte[] content, SecretKey key) throws Unreadable {
        Map<String, String> fields = fields(content);
        String version = fields.get("version");
        byte[] nonce = base64(fields.get("nonce"));
        byte[] ciphertext = base64(fields.get("ciphertext"));
        if (!FORMAT.equals(fields.get("format")) || version == null || nonce.length != NONCE_BYTES) {
            throw new Unreadable("it is not a format " + FORMAT + " secret file", null);
        }
        byte[] plaintext = null;
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(name, version));
            plaintext = cipher.doFinal(ciphertext);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plaintext));
            try {
                return Secret.of(chars);
            } finally {
                Arrays.fill(chars.array(), '\0');
            }
        } catch (AEADBadTagException e) {
            throw new Unreadable(
                    "it fails its integrity check: it was changed, copied from another name, or encrypted with"
                            + " another key than " + SandboxKey.FILE_NAME,
                    e);
        } catch (GeneralSecurityException e) {
            throw new Unreadable("it cannot be decrypted (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private static byte[] associatedData(String name, String version) {
        return (HEADER + "\nformat: " + FORMAT + "\nname: " + name + "\nversion: " + version + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static Map<String, String> fields(byte[] content) throws Unreadable {
        String text = new String(content, StandardCharsets.US_ASCII);
        String[] lines = text.split("\n");
        if (lines.length == 0 || !HEADER.equals(lines[0])) {
            throw new Unreadable("it is not a sandbox secret file", null);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon > 0) {
                fields.put(
                        lines[i].substring(0, colon),
                        lines[i].substring(colon + 2).strip());
            }
        }
        return fields;
    }

    private static byte[] base64(String value) throws Unreadable {
        try {
            return value == null ? new byte[0] : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("its nonce or ciphertext is not Base64", e);
        }
    }

    private static void wipe(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
    }

    /** The content is not a secret file this key can open; the message says why, without any of the value. */
    static final class Unreadable extends Exception {
        Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
