package io.serviceaccountbot.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names of secrets in a {@link SecretStore}. Every store accepts what Azure Key Vault accepts: 1 to 127 letters, digits
 * and dashes; Key Vault compares names without regard to case, and so do the stores.
 *
 * <p>An account's password is stored under its alias, lowercased, with {@code -password} appended: {@code svc-sync}
 * gives {@code svc-sync-password}. An alias holding other characters (an existing mailbox may be called {@code
 * svc.sync} or {@code o'brien}) has each run of them replaced by a dash and the first 8 hex digits of the SHA-256 of
 * the lowercased alias appended, so two aliases never share a name: {@code svc.sync} gives {@code
 * svc-sync-7b90b27a-password} while {@code svc-sync} keeps {@code svc-sync-password}. An alias that itself ends in
 * eight hex digits gets the hash too, so it cannot take the name of another alias's hashed form. The name depends on
 * the alias alone, so the same account always finds its secret again.
 */
public final class SecretNames {

    /** Key Vault's longest secret name. */
    public static final int MAX_LENGTH = 127;

    private static final Pattern VALID = Pattern.compile("[0-9A-Za-z-]{1," + MAX_LENGTH + "}");
    private static final Pattern OTHER_CHARACTERS = Pattern.compile("[^0-9a-z]+");
    private static final Pattern LOOKS_HASHED = Pattern.compile("(.*-)?[0-9a-f]{8}");
    private static final String PASSWORD_SUFFIX = "-password";
    private static final int HASH_HEX_DIGITS = 8;

    private SecretNames() {}

    /** Whether a store accepts this name. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** The name an account's password is stored under, derived from its alias (mailNickname). */
    public static String forPassword(String alias) {
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("an alias is needed to name its password");
        }
        String lower = alias.toLowerCase(Locale.ROOT);
        String safe = trimDashes(OTHER_CHARACTERS.matcher(lower).replaceAll("-"));
        int room = MAX_LENGTH - PASSWORD_SUFFIX.length();
        if (safe.equals(lower)
                && safe.length() <= room
                && !LOOKS_HASHED.matcher(safe).matches()) {
            return safe + PASSWORD_SUFFIX;
        }
        String hash = sha256Hex(lower).substring(0, HASH_HEX_DIGITS);
        int keep = room - HASH_HEX_DIGITS - 1;
        if (safe.length() > keep) {
            safe = trimDashes(safe.substring(0, keep));
        }
        return (safe.isEmpty() ? "" : safe + "-") + hash + PASSWORD_SUFFIX;
    }

    private static String trimDashes(String value) {
        int from = 0;
        int to = value.length();
        while (from < to && value.charAt(from) == '-') {
            from++;
        }
        while (to > from && value.charAt(to - 1) == '-') {
            to--;
        }
        return value.substring(from, to);
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
