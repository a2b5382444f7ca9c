package io.serviceaccountbot.audit;

import java.util.regex.Pattern;

/**
 * The last guard before an entry is stored: the modules never hand the log a secret, and this removes what would
 * look like one anyway (a bearer token, a JSON Web Token, a "password: …" or "secret=…" pair), then cuts the text to
 * its column's length.
 */
final class SecretScrubber {

    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern PAIR = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|client_secret|clientsecret|token)(\\s*[:=]\\s*)(\"[^\"]*\"|\\S+)");

    private SecretScrubber() {}

    static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String cleaned = BEARER.matcher(text).replaceAll("[token removed]");
        cleaned = JWT.matcher(cleaned).replaceAll("[token removed]");
        cleaned = PAIR.matcher(cleaned).replaceAll("$1$2[removed]");
        return cleaned.length() <= maxLength ? cleaned : cleaned.substring(0, maxLength - 1) + "…";
    }
}
