package io.serviceaccountbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the command language over generated input: whatever arrives, the admin gets an answer; whatever the
 * bot writes, it reads back the same; a slip of the keyboard still gets a suggestion.
 */
class CommandLanguagePropertiesTest {

    private static final CommandCatalog CATALOG = CommandCatalog.standard();

    // ---- whatever arrives, the admin gets an answer, never a stack trace ----

    @Property(tries = 2_000)
    void anyTextGetsAnAnswer(@ForAll String text) {
        assertAnswered(text);
    }

    @Property(tries = 2_000)
    void hostileTextGetsAnAnswer(@ForAll("hostileText") String text) {
        assertAnswered(text);
    }

    @Property(tries = 2_000)
    void shuffledKeywordsGetAnAnswer(@ForAll("keywordSoup") String text) {
        assertAnswered(text);
    }

    @Property(tries = 20)
    void hugeTextIsRefusedAsTooLong(@ForAll("hugeText") String text) {
        ParseResult result = CommandParser.parse(text);
        assertThat(result).isEqualTo(new ParseResult.Rejected(new ParseError.TooLong(text.length())));
        assertThat(((ParseResult.Rejected) result).error().message()).hasSizeLessThan(200);
    }

    @Property(tries = 200)
    void textJustUnderTheLimitIsReadInFull(@ForAll("longKeywordSoup") String text) {
        assertThat(text.length()).isBetween(1_500, CommandParser.MAX_LENGTH);
        assertAnswered(text);
    }

    // ---- whatever the bot writes, it reads back the same ----

    @Property(tries = 3_000)
    void renderedCommandsReadBackTheSame(@ForAll("commands") Command command) {
        String text = CommandText.of(command);
        assertThat(text.length()).isLessThanOrEqualTo(CommandParser.MAX_LENGTH);
        assertThat(CommandParser.parse(text)).as(text).isEqualTo(new ParseResult.Parsed(command));
    }

    @Property(tries = 1_000)
    void smartQuotesAndNonBreakingSpacesDoNotChangeTheMeaning(@ForAll("commands") Command command) {
        String text = GeneratedText.asTeamsMightSendIt(CommandText.of(command));
        assertThat(CommandParser.parse(text)).as(text).isEqualTo(new ParseResult.Parsed(command));
    }

    @Property(tries = 500)
    void everyCatalogExampleParsesToItsSpecHoweverPolitelyAsked(
            @ForAll("catalogExamples") Map.Entry<CommandSpec, String> example,
            @ForAll("openers") String opener,
            @ForAll("closers") String closer) {
        ParseResult plain = CommandParser.parse(example.getValue());
        assertThat(plain).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed) plain).command())
                .isInstanceOf(example.getKey().commandType());
        assertThat(CommandParser.parse(opener + example.getValue() + closer)).isEqualTo(plain);
    }

    // ---- did you mean ----

    @Property(tries = 2_000)
    void aSlipOfTheKeyboardInAKeywordStillGetsASuggestion(@ForAll("keywordSlips") String slip) {
        ParseResult result = CommandParser.parse(slip);
        if (result instanceof ParseResult.Rejected rejected
                && rejected.error() instanceof ParseError.UnknownCommand unknown) {
            assertThat(unknown.nearest()).as(slip).isPresent();
        }
    }

    @Property(tries = 2_000)
    void suggestionsAreAlwaysRealCommands(@ForAll("keywordSoup") String text) {
        CATALOG.nearest(text).ifPresent(spec -> assertThat(CATALOG.specs()).contains(spec));
        ParseResult result = CommandParser.parse(text);
        if (result instanceof ParseResult.Rejected rejected
                && rejected.error() instanceof ParseError.UnknownCommand unknown) {
            unknown.nearest().ifPresent(spec -> assertThat(CATALOG.specs()).contains(spec));
        }
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

    @Provide
    Arbitrary<String> hostileText() {
        return GeneratedText.hostile();
    }

    @Provide
    Arbitrary<String> keywordSoup() {
        return GeneratedText.keywordSoup(0, 25);
    }

    @Provide
    Arbitrary<String> longKeywordSoup() {
        return GeneratedText.keywordSoup(1_000, 1_000)
                .map(text -> GeneratedText.fitBetween(text, 1_500, CommandParser.MAX_LENGTH));
    }

    @Provide
    Arbitrary<String> hugeText() {
        return GeneratedText.huge();
    }

    @Provide
    Arbitrary<String> keywordSlips() {
        return GeneratedText.keywordSlips();
    }

    @Provide
    Arbitrary<Command> commands() {
        return GeneratedCommands.any();
    }

    @Provide
    Arbitrary<Map.Entry<CommandSpec, String>> catalogExamples() {
        List<Map.Entry<CommandSpec, String>> examples = new ArrayList<>();
        CATALOG.specs().forEach(spec -> spec.examples().forEach(example -> examples.add(Map.entry(spec, example))));
        return Arbitraries.of(examples);
    }

    @Provide
    Arbitrary<String> openers() {
        return Arbitraries.of(
                "", "please ", "Please, ", "could you ", "can you please ", "thanks, ", "hi ", "ok ", "\u200F");
    }

    @Provide
    Arbitrary<String> closers() {
        return Arbitraries.of("", "?", " please", ", thanks!", " thank you.", "!!", " ", "\u00A0", " please?");
    }
}
