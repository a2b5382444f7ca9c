package io.serviceaccountbot.command;

/**
 * Reads a Teams message as a {@link Command}.
 *
 * <p>It never throws: any input, however long or strange, gives a {@link ParseResult}. A message holding an invisible
 * character that would change a word unseen ({@link InvisibleCharacters}) is refused, naming it; otherwise it is
 * normalised (smart quotes, odd spaces, direction marks at its ends), stripped of pleasantries ("please", "thanks", a trailing "?"), and
 * offered to every command's grammar; the grammar whose phrasing matched the most keywords decides. When none matches,
 * the error suggests the nearest command.
 */
public final class CommandParser {

    /** Longer messages are refused without being read. */
    public static final int MAX_LENGTH = 2_000;

    private CommandParser() {}

    public static ParseResult parse(String text) {
        try {
            if (text == null) {
                return rejected(new ParseError.Empty());
            }
            if (text.length() > MAX_LENGTH) {
                return rejected(new ParseError.TooLong(text.length()));
            }
            var invisible = InvisibleCharacters.first(text);
            if (invisible.isPresent()) {
                return rejected(new ParseError.InvisibleCharacter(
                        invisible.get().named(), invisible.get().after()));
            }
            String clean = Politeness.strip(InputText.normalise(text));
            if (clean.isEmpty()) {
                return rejected(new ParseError.Empty());
            }
            return parsePhrase(Phrase.of(clean));
        } catch (RuntimeException unexpected) {
            // A safety net like db-scheduler's NotThrowingParser; property tests check it is never reached.
            return rejected(new ParseError.Unreadable());
        }
    }

    /** Offers a normalised phrase to every grammar and keeps the answer of the best-matching one. */
    static ParseResult parsePhrase(Phrase phrase) {
        CommandCatalog catalog = CommandCatalog.standard();
        Grammar.Attempt best = null;
        for (Grammar<?> grammar : catalog.grammars()) {
            Grammar.Attempt attempt = grammar.attempt(phrase).orElse(null);
            if (attempt != null && (best == null || attempt.weight() > best.weight())) {
                best = attempt;
            }
        }
        if (best != null) {
            return best.result();
        }
        return rejected(
                new ParseError.UnknownCommand(phrase.rest(), DidYouMean.nearest(phrase.rest(), catalog.specs())));
    }

    private static ParseResult rejected(ParseError error) {
        return new ParseResult.Rejected(error);
    }
}
