package io.serviceaccountbot.approval;

import io.serviceaccountbot.command.RequestId;
import java.security.SecureRandom;

/**
 * Short request numbers for people, like {@code R-7K2QM4}: six characters of Crockford's base32 from {@link
 * SecureRandom}, about a billion possibilities, so numbers cannot be guessed or walked through; and even a guessed
 * number lets nobody do more than their roles allow.
 */
final class RequestNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestNumbers() {}

    static RequestId next() {
        StringBuilder number = new StringBuilder("R-");
        for (int i = 0; i < LENGTH; i++) {
            number.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return new RequestId(number.toString());
    }
}
