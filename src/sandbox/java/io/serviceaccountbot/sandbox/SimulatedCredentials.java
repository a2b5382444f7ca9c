package io.serviceaccountbot.sandbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The simulated directory's sign-in check: a salted PBKDF2 hash of each user's password, set when Graph creates the
 * user or resets its password (or when the simulated runbook's New-Mailbox creates an Active Directory account), so
 * that the simulated Exchange Web Services can check a Basic sign-in; and the user's NT hash (MD4 of the UTF-16LE
 * password, as Active Directory keeps it), which NTLM needs to check a response. The password itself is never kept.
 * The NT hash is unsalted and as good as the password for NTLM, as in Active Directory: it stays in memory and in the
 * tenant's file, readable by its owner only. A file saved before the NT hash was kept has none, so such a user can
 * sign in with Basic only until its password is set again.
 */
final class SimulatedCredentials {

    private static final int ITERATIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[][]> hashes = new ConcurrentHashMap<>();
    private final Map<String, byte[]> ntHashes = new ConcurrentHashMap<>();

    /**
     * A stored sign-in check, as saved: the salt and the hash, in base64.
     *
     * @param salt the random salt
     * @param hash PBKDF2-HMAC-SHA256 of the password with that salt
     * @param ntHash the NT hash for NTLM, or null in a file saved before it was kept
     */
    record Saved(String salt, String hash, String ntHash) {}

    Map<String, Saved> saved() {
        Map<String, Saved> saved = new java.util.TreeMap<>();
        hashes.forEach((user, stored) -> saved.put(
                user,
                new Saved(
                        Base64.getEncoder().encodeToString(stored[0]),
                        Base64.getEncoder().encodeToString(stored[1]),
                        ntHashes.containsKey(user) ? Base64.getEncoder().encodeToString(ntHashes.get(user)) : null)));
        return saved;
    }

    void restore(Map<String, Saved> saved) {
        hashes.clear();
        ntHashes.clear();
        saved.forEach((user, stored) -> {
            hashes.put(user, new byte[][] {
                Base64.getDecoder().decode(stored.salt()), Base64.getDecoder().decode(stored.hash())
            });
            if (stored.ntHash() != null) {
                ntHashes.put(user, Base64.getDecoder().decode(stored.ntHash()));
            }
        });
    }

    void set(String userId, String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        hashes.put(userId, new byte[][] {salt, hash(password, salt)});
        ntHashes.put(userId, Ntlm.ntHash(password));
    }

    /** The user's NT hash, for checking an NTLM response; empty when no password was set for it. */
    Optional<byte[]> ntHash(String userId) {
        return Optional.ofNullable(ntHashes.get(userId)).map(byte[]::clone);
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
