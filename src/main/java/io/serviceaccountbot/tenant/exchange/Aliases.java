package io.serviceaccountbot.tenant.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Exchange aliases and names derived from a display name. An alias (mail nickname) becomes the left side of the
 * group's address, so only letters, digits, hyphens, underscores and inner single periods are kept, accents are
 * folded ({@code é} to {@code e}), at most 64 characters (New-DistributionGroup's limit); a name with nothing usable
 * gets a stable {@code group-<hash>} alias.
 */
final class Aliases {

    static final int MAX_LENGTH = 64;

    private Aliases() {}

    static String of(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder alias = new StringBuilder();
        for (char c : folded.toCharArray()) {
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (plain || c == '-' || c == '_') {
                alias.append(c);
            } else if (c == '.' && !alias.isEmpty() && alias.charAt(alias.length() - 1) != '.') {
                alias.append('.');
            }
        }
        String trimmed = alias.toString().replaceAll("\\.+$", "");
        if (trimmed.length() > MAX_LENGTH) {
            trimmed = trimmed.substring(0, MAX_LENGTH).replaceAll("\\.+$", "");
        }
        return trimmed.isEmpty() ? "group-" + hash(name, 8) : trimmed;
    }

    /**
     * The name of the role assignment that gives an app a role within a scope: stable, so that creating it again
     * finds the first one ("already exists") instead of adding a twin, and at most 64 characters.
     */
    static String assignmentName(String appId, String role, String scope) {
        String key = String.join("|", appId, role, scope).toLowerCase(Locale.ROOT);
        String suffix = "-" + hash(key, 12);
        String prefix =
                role.length() > MAX_LENGTH - suffix.length() ? role.substring(0, MAX_LENGTH - suffix.length()) : role;
        return prefix + suffix;
    }

    private static String hash(String text, int hexDigits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
