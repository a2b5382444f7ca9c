package io.serviceaccountbot.sandbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The simulated directory's sign-in check: a salted PBKDF2 hash of each user's password, set when Graph creates the
 * user or resets its password, so that the simulated Exchange Web Services can check a Basic sign-in. The password
 * itself is never kept.
 */
final class SimulatedCredentials {

    private static final int ITERATIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[][]> hashes = new ConcurrentHashMap<>();

    /**
     * A stored sign-in check, as saved: the salt and the hash, in base64.
     *
     * @param salt the random salt
     * @param hash PBKDF2-HMAC-SHA256 of the password with that salt
     */
    record Saved(String salt, String hash) {}

    Map<String, Saved> saved() {
        Map<String, Saved> saved = new java.util.TreeMap<>();
        hashes.forEach((user, stored) -> saved.put(
                user,
                new Saved(
                        Base64.getEncoder().encodeToString(stored[0]),
                        Base64.getEncoder().encodeToString(stored[1]))));
        return saved;
    }

    void restore(Map<String, Saved> saved) {
        hashes.clear();
        saved.forEach((user, stored) -> hashes.put(user, new byte[][] {
            Base64.getDecoder().decode(stored.salt()), Base64.getDecoder().decode(stored.hash())
        }));
    }

    void set(String userId, String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        hashes.put(userId, new byte[][] {salt, hash(password, salt)});
    }

    boolean matches(String userId, String password) {
        byte[][] stored = hashes.get(userId);
        return stored != null && MessageDigest.isEqual(stored[1], hash(password, stored[0]));
    }

    private static byte[] hash(String password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
