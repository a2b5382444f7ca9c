package io.serviceaccountbot.tenant;

import java.nio.CharBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Generates service-account passwords: {@link SecureRandom} characters that meet Microsoft Entra ID's password policy
 * and survive being pasted anywhere.
 *
 * <p>Entra accepts 8 to 256 characters from A–Z, a–z, 0–9, a set of ASCII symbols and the space, and requires three of
 * the four kinds (lowercase, uppercase, digit, symbol). These passwords always hold all four. Their symbols are only
 * {@code - . _ ~}: the characters URLs leave unescaped, that JSON needs no escape for, that mean nothing inside a
 * PowerShell or POSIX shell string, and that are neither quotes, backslash, backtick nor space. The first and last
 * characters are letters or digits, so a password never reads as a command-line option ({@code -x}), never starts a
 * home-directory path ({@code ~}), and keeps its last character when a chat client or a sentence ends it with a period.
 *
 * <p>Every such password of the configured length is equally likely: characters are drawn uniformly and a draw that
 * lacks a kind is drawn again (on average fewer than 1.5 draws at 24 characters).
 */
public final class PasswordGenerator {

    /** The shortest password the bot generates. */
    public static final int MIN_LENGTH = 24;

    /** Entra ID's longest password. */
    public static final int MAX_LENGTH = 256;

    static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    static final String SYMBOLS = "-._~";
    static final String EDGE = LOWERCASE + UPPERCASE + DIGITS;
    static final String ALPHABET = EDGE + SYMBOLS;

    private final int length;
    private final SecureRandom random;

    /**
     * @param length how many characters, from {@value #MIN_LENGTH} to {@value #MAX_LENGTH}
     * @throws IllegalArgumentException if the length is outside that range
     */
    public PasswordGenerator(int length) {
        this(length, new SecureRandom());
    }

    PasswordGenerator(int length, SecureRandom random) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("A generated password must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters long (Entra ID's maximum is " + MAX_LENGTH + "), not " + length);
        }
        this.length = length;
        this.random = random;
    }

    /** The number of characters of each password. */
    public int length() {
        return length;
    }

    /** A new password. */
    public Secret generate() {
        char[] chars = new char[length];
        try {
            do {
                chars[0] = pick(EDGE);
                for (int i = 1; i < length - 1; i++) {
                    chars[i] = pick(ALPHABET);
                }
                chars[length - 1] = pick(EDGE);
            } while (!hasEveryKind(chars));
            return Secret.of(CharBuffer.wrap(chars));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private char pick(String from) {
        return from.charAt(random.nextInt(from.length()));
    }

    static boolean hasEveryKind(char[] chars) {
        boolean lower = false, upper = false, digit = false, symbol = false;
        for (char c : chars) {
            lower |= LOWERCASE.indexOf(c) >= 0;
            upper |= UPPERCASE.indexOf(c) >= 0;
            digit |= DIGITS.indexOf(c) >= 0;
            symbol |= SYMBOLS.indexOf(c) >= 0;
        }
        return lower && upper && digit && symbol;
    }
}
