package io.serviceaccountbot.tenant;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value, such as a generated password. It never prints itself: {@link #toString()} is a mask, so a secret
 * that reaches a log line or a chat message by mistake shows nothing. Only the adapter that stores or sends it calls
 * {@link #reveal()}.
 */
public final class Secret {

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(CharSequence value) {
        Objects.requireNonNull(value, "value");
        char[] chars = new char[value.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = value.charAt(i);
        }
        return new Secret(chars);
    }

    /** The value itself, for the one call that must send or store it. */
    public String reveal() {
        return new String(value);
    }

    public int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && Arrays.equals(value, secret.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
