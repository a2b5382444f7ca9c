package io.serviceaccountbot.command;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The grammar of one command: the phrasings that introduce it, how to read its arguments, how to write it back as
 * text, and its documentation, which becomes its {@link CommandSpec}. Keeping the four together means help can't
 * describe a syntax the parser doesn't accept.
 *
 * <p>Like a db-scheduler {@code Parser}, {@link #attempt(Phrase)} says "not mine" (empty) or returns a result; a
 * recognised command with bad arguments is a result too, so the admin hears what is wrong with it.
 */
abstract class Grammar<C extends Command> {

    private static final Set<String> LINKING_WORDS =
            Set.of("for", "to", "from", "with", "as", "on", "in", "at", "by", "and", "so", "since", "because", "due");

    private final Class<C> type;
    private final List<Lead> leads;
    private final Clauses clauses;
    private final CommandSpec spec;

    Grammar(Class<C> type, List<Lead> leads, Clauses clauses, CommandSpec.Draft documentation) {
        this.type = type;
        this.leads = List.copyOf(leads);
        this.clauses = clauses;
        this.spec = documentation.describe(type, this);
    }

    final CommandSpec spec() {
        return spec;
    }

    final List<Lead> leads() {
        return leads;
    }

    /** Every keyword of this command, so that values spelled like one are quoted when rendered. */
    final Set<String> words() {
        Set<String> words = new LinkedHashSet<>(clauses.words());
        leads.forEach(lead -> words.addAll(lead.words()));
        return words;
    }

    /** Empty if no phrasing of this command starts the phrase; otherwise the command, or what is wrong with it. */
    final Optional<Attempt> attempt(Phrase phrase) {
        return Lead.best(leads, phrase).map(match -> new Attempt(match.weight(), resultOf(match)));
    }

    private ParseResult resultOf(Lead.Match match) {
        try {
            return new ParseResult.Parsed(read(match));
        } catch (Rejection rejection) {
            return new ParseResult.Rejected(rejection.error());
        }
    }

    /** Reads the arguments after a matched phrasing; throws {@link Rejection} when they are wrong. */
    abstract C read(Lead.Match match);

    /** The canonical text of a command: what help would show, and what parses back to the same command. */
    abstract String render(C command);

    final String renderCommand(Command command) {
        return render(type.cast(command));
    }

    /**
     * Reads a one-word value (an alias, an account, an app id) up to the clauses. Extra words are kept in the value,
     * so that "svc sync" is refused as an alias with a space, unless they start with a linking word such as "for": then
     * the value is the first word, and the rest is reported as not understood.
     */
    final Phrase.Slice oneWord(Phrase phrase, List<Lead> stops) {
        Phrase.Slice whole = phrase.until(stops);
        Phrase second = phrase.next();
        if (second.index() < whole.rest().index() && LINKING_WORDS.contains(second.word())) {
            return new Phrase.Slice(phrase.argumentBetween(phrase.index(), second.index()), second);
        }
        return whole;
    }

    /**
     * Reads the account a command is about (from the phrasing's slot, or the word after the keywords) and the clauses
     * after it.
     *
     * @param missing what to ask for when there is no account, e.g. "the account to grant it to"
     */
    final AccountAndClauses accountAndClauses(Lead.Match match, Clauses clauses, String missing) {
        Phrase afterAccount = match.rest();
        String account;
        if (match.slots().isEmpty()) {
            Phrase.Slice slice = oneWord(match.rest(), clauses.stops());
            account = slice.value();
            afterAccount = slice.rest();
        } else {
            account = match.slots().get(0);
        }
        if (account.isBlank()) {
            throw missing(missing);
        }
        AccountRef valid = Arguments.account(account);
        return new AccountAndClauses(valid, clauses.read(afterAccount, this));
    }

    /** An account and the clauses that followed it, by clause name. */
    record AccountAndClauses(AccountRef account, java.util.Map<String, String> clauses) {}

    final Rejection missing(String what) {
        return new Rejection(new ParseError.Incomplete(spec, what));
    }

    final Rejection unexpected(Phrase rest) {
        return new Rejection(new ParseError.UnexpectedText(spec, rest.rest()));
    }

    final void expectEnd(Phrase rest) {
        if (!rest.atEnd()) {
            throw unexpected(rest);
        }
    }

    /** A grammar's answer, weighted by how many keywords its phrasing matched. */
    record Attempt(int weight, ParseResult result) {}
}
