package io.serviceaccountbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the command language over generated input: whatever arrives, the admin gets an answer; whatever the
 * bot writes, it reads back the same; a slip of the keyboard still gets a suggestion.
 *
 * <p>Each property is a QuickTheories theory run by an ordinary JUnit test, on a fresh seed every run. A failure
 * reports the smallest falsifying value found by shrinking, the assertion that broke and "Seed was N"; run {@code
 * ./mvnw test -Dtest=CommandLanguagePropertiesTest#<property> -DQT_SEED=N} to meet the same failing example again.
 */
class CommandLanguagePropertiesTest {

    private static final CommandCatalog CATALOG = CommandCatalog.standard();

    private static final List<String> OPENERS =
            List.of("", "please ", "Please, ", "could you ", "can you please ", "thanks, ", "hi ", "ok ", "\u200F");
    private static final List<String> CLOSERS =
            List.of("", "?", " please", ", thanks!", " thank you.", "!!", " ", "\u00A0", " please?");

    // ---- whatever arrives, the admin gets an answer, never a stack trace ----

    @Test
    void anyTextGetsAnAnswer() {
        theory(2_000).forAll(GeneratedText.any()).checkAssert(CommandLanguagePropertiesTest::assertAnswered);
    }

    @Test
    void hostileTextGetsAnAnswer() {
        theory(2_000).forAll(GeneratedText.hostile()).checkAssert(CommandLanguagePropertiesTest::assertAnswered);
    }

    @Test
    void shuffledKeywordsGetAnAnswer() {
        theory(2_000)
                .forAll(GeneratedText.keywordSoup(0, 25))
                .checkAssert(CommandLanguagePropertiesTest::assertAnswered);
    }

    @Test
    void hugeTextIsRefusedAsTooLong() {
        theory(20).forAll(GeneratedText.huge()).checkAssert(text -> {
            ParseResult result = CommandParser.parse(text);
            assertThat(result).isEqualTo(new ParseResult.Rejected(new ParseError.TooLong(text.length())));
            assertThat(((ParseResult.Rejected) result).error().message()).hasSizeLessThan(200);
        });
    }

    @Test
    void textJustUnderTheLimitIsReadInFull() {
        Gen<String> longKeywordSoup = GeneratedText.keywordSoup(1_000, 1_000)
                .map(text -> GeneratedText.fitBetween(text, 1_500, CommandParser.MAX_LENGTH))
                .describedAs(GeneratedText::describe);
        theory(200).forAll(longKeywordSoup).checkAssert(text -> {
            assertThat(text.length()).isBetween(1_500, CommandParser.MAX_LENGTH);
            assertAnswered(text);
        });
    }

    // ---- whatever the bot writes, it reads back the same ----

    @Test
    void renderedCommandsReadBackTheSame() {
        theory(3_000).forAll(GeneratedCommands.any()).checkAssert(command -> {
            String text = CommandText.of(command);
            assertThat(text.length()).isLessThanOrEqualTo(CommandParser.MAX_LENGTH);
            assertThat(CommandParser.parse(text)).as(text).isEqualTo(new ParseResult.Parsed(command));
        });
    }

    @Test
    void smartQuotesAndNonBreakingSpacesDoNotChangeTheMeaning() {
        theory(1_000).forAll(GeneratedCommands.any()).checkAssert(command -> {
            String text = GeneratedText.asTeamsMightSendIt(CommandText.of(command));
            assertThat(CommandParser.parse(text)).as(text).isEqualTo(new ParseResult.Parsed(command));
        });
    }

    @Test
    void everyCatalogExampleParsesToItsSpecHoweverPolitelyAsked() {
        theory(500).forAll(catalogExamples(), shown(OPENERS), shown(CLOSERS)).checkAssert((example, opener, closer) -> {
            ParseResult plain = CommandParser.parse(example.getValue());
            assertThat(plain).isInstanceOf(ParseResult.Parsed.class);
            assertThat(((ParseResult.Parsed) plain).command())
                    .isInstanceOf(example.getKey().commandType());
            assertThat(CommandParser.parse(opener + example.getValue() + closer))
                    .isEqualTo(plain);
        });
    }

    // ---- did you mean ----

    @Test
    void aSlipOfTheKeyboardInAKeywordStillGetsASuggestion() {
        theory(2_000).forAll(GeneratedText.keywordSlips()).checkAssert(slip -> {
            ParseResult result = CommandParser.parse(slip);
            if (result instanceof ParseResult.Rejected rejected
                    && rejected.error() instanceof ParseError.UnknownCommand unknown) {
                assertThat(unknown.nearest()).as(slip).isPresent();
            }
        });
    }

    @Test
    void suggestionsAreAlwaysRealCommands() {
        theory(2_000).forAll(GeneratedText.keywordSoup(0, 25)).checkAssert(text -> {
            CATALOG.nearest(text).ifPresent(spec -> assertThat(CATALOG.specs()).contains(spec));
            ParseResult result = CommandParser.parse(text);
            if (result instanceof ParseResult.Rejected rejected
                    && rejected.error() instanceof ParseError.UnknownCommand unknown) {
                unknown.nearest().ifPresent(spec -> assertThat(CATALOG.specs()).contains(spec));
            }
        });
    }

    /** An answer: a command that reads back the same, or a short plain message that is not the safety net. */
    private static void assertAnswered(String text) {
        ParseResult result = CommandParser.parse(text);
        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Rejected rejected) {
            assertThat(rejected.error()).isNotInstanceOf(ParseError.Unreadable.class);
            assertThat(rejected.error().message()).isNotBlank().hasSizeLessThan(1_000);
        } else {
            Command command = ((ParseResult.Parsed) result).command();
            assertThat(CommandParser.parse(CommandText.of(command))).isEqualTo(result);
        }
    }

    /** A theory of {@code examples} examples, with room for the filtered draws of {@link GeneratedCommands}. */
    private static QuickTheory theory(int examples) {
        return qt().withExamples(examples).withGenerateAttempts(GeneratedCommands.GENERATE_ATTEMPTS);
    }

    /** Every example of every command, with the spec it illustrates. */
    private static Gen<Map.Entry<CommandSpec, String>> catalogExamples() {
        List<Map.Entry<CommandSpec, String>> examples = new ArrayList<>();
        CATALOG.specs().forEach(spec -> spec.examples().forEach(example -> examples.add(Map.entry(spec, example))));
        return Generate.pick(examples);
    }

    /** One of {@code pleasantries}, reported with its invisible characters spelled out. */
    private static Gen<String> shown(List<String> pleasantries) {
        return Generate.pick(pleasantries).describedAs(GeneratedText::describe);
    }
}
