package io.serviceaccountbot.sandbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
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
