package io.serviceaccountbot.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every generated password is (the properties run on fresh {@link SecureRandom} draws, lengths chosen by
 * QuickTheories), and how its characters are spread (on a seeded generator, so the statistics are the same every run).
 */
class PasswordGeneratorTest {

    /** Entra ID's accepted characters (Microsoft Learn, "Password policies and account restrictions"). */
    private static final String ENTRA_SYMBOLS = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"();<> ";

    private static final Pattern PASTE_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]*[A-Za-z0-9]");

    @Test
    void everyPasswordHasTheConfiguredLengthAndAllFourKinds() {
        qt().withExamples(300).forAll(integers().between(24, 256)).checkAssert(length -> {
            String password = new PasswordGenerator(length).generate().reveal();
            assertThat(password).hasSize(length);
            assertThat(password)
                    .containsPattern("[a-z]")
                    .containsPattern("[A-Z]")
                    .containsPattern("[0-9]");
            assertThat(password).containsPattern("[-._~]");
        });
    }

    @Test
    void everyCharacterIsOneEntraAcceptsAndNoneNeedsQuotingOrEscaping() {
        PasswordGenerator generator = new PasswordGenerator(24);
        qt().withExamples(2_000).forAll(integers().all()).checkAssert(ignored -> {
            String password = generator.generate().reveal();
            assertThat(password).matches(PASTE_SAFE);
            for (char c : password.toCharArray()) {
                assertThat(Character.isLetterOrDigit(c) && c < 128 || ENTRA_SYMBOLS.indexOf(c) >= 0)
                        .as("Entra accepts %s", c)
                        .isTrue();
            }
            assertThat(password).doesNotContain("\"", "'", "`", "\\", " ", "$", "%", "&", "+", "#", "?", "/");
        });
    }

    @Test
    void lengthsOutsideTwentyFourToTwoHundredFiftySixAreRefused() {
        qt().forAll(integers().between(-1_000, 23))
                .checkAssert(length -> assertThatThrownBy(() -> new PasswordGenerator(length))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("24 to 256"));
        qt().forAll(integers().between(257, 100_000))
                .checkAssert(length -> assertThatThrownBy(() -> new PasswordGenerator(length))
                        .isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void noTwoPasswordsAreEqualInManyDraws() {
        PasswordGenerator generator = new PasswordGenerator(24);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            assertThat(seen.add(generator.generate().reveal())).isTrue();
        }
    }

    @Test
    void aPasswordNeverShowsItselfWhenPrinted() {
        Secret password = new PasswordGenerator(24).generate();
        assertThat(password.toString()).isEqualTo("[secret]").doesNotContain(password.reveal());
        assertThat("created with " + password).doesNotContain(password.reveal());
    }

    @Test
    void charactersOfEachKindAreEquallyLikely() throws Exception {
        PasswordGenerator generator = new PasswordGenerator(24, seeded());
        int[] counts = new int[128];
        for (int i = 0; i < 20_000; i++) {
            for (char c : generator.generate().reveal().toCharArray()) {
                counts[c]++;
            }
        }
        for (String kind : new String[] {
            PasswordGenerator.LOWERCASE,
            PasswordGenerator.UPPERCASE,
            PasswordGenerator.DIGITS,
            PasswordGenerator.SYMBOLS
        }) {
            long[] observed = kind.chars().mapToLong(c -> counts[c]).toArray();
            assertThat(chiSquareUniform(observed))
                    .as("chi-square of %s", kind)
                    .isLessThan(criticalChiSquare(observed.length - 1));
        }
    }

    @Test
    void noPositionFavoursAKind() throws Exception {
        int length = 24;
        PasswordGenerator generator = new PasswordGenerator(length, seeded());
        long[] symbolsAt = new long[length - 2];
        long[] digitsAt = new long[length - 2];
        for (int i = 0; i < 20_000; i++) {
            String password = generator.generate().reveal();
            for (int p = 1; p < length - 1; p++) {
                symbolsAt[p - 1] += PasswordGenerator.SYMBOLS.indexOf(password.charAt(p)) >= 0 ? 1 : 0;
                digitsAt[p - 1] += PasswordGenerator.DIGITS.indexOf(password.charAt(p)) >= 0 ? 1 : 0;
            }
        }
        assertThat(chiSquareUniform(symbolsAt)).isLessThan(criticalChiSquare(symbolsAt.length - 1));
        assertThat(chiSquareUniform(digitsAt)).isLessThan(criticalChiSquare(digitsAt.length - 1));
    }

    @Test
    void edgesAreLettersOrDigitsChosenEvenly() throws Exception {
        PasswordGenerator generator = new PasswordGenerator(24, seeded());
        long[] first = new long[PasswordGenerator.EDGE.length()];
        long[] last = new long[PasswordGenerator.EDGE.length()];
        for (int i = 0; i < 40_000; i++) {
            String password = generator.generate().reveal();
            first[PasswordGenerator.EDGE.indexOf(password.charAt(0))]++;
            last[PasswordGenerator.EDGE.indexOf(password.charAt(23))]++;
        }
        assertThat(chiSquareUniform(first)).isLessThan(criticalChiSquare(first.length - 1));
        assertThat(chiSquareUniform(last)).isLessThan(criticalChiSquare(last.length - 1));
    }

    /** A reproducible generator: SHA1PRNG seeded before its first use yields the same bytes every run. */
    private static SecureRandom seeded() throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(20261127L);
        return random;
    }

    private static double chiSquareUniform(long[] observed) {
        double total = 0;
        for (long o : observed) {
            total += o;
        }
        double expected = total / observed.length;
        double sum = 0;
        for (long o : observed) {
            sum += (o - expected) * (o - expected) / expected;
        }
        return sum;
    }

    /** The chi-square value exceeded with probability 1e-4 (Wilson–Hilferty approximation). */
    private static double criticalChiSquare(int degreesOfFreedom) {
        double z = 3.719;
        double k = degreesOfFreedom;
        double term = 1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k));
        return k * term * term * term;
    }
}
