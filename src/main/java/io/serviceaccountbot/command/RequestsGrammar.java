package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.Requests;
import java.util.Set;

/** {@code requests [mine|pending|all]}, also "my requests", "show pending requests". */
final class RequestsGrammar extends Grammar<Requests> {

    private static final String NOUN = "requests|request|approvals";
    private static final int MY = 1;
    private static final int PENDING = 2;
    private static final int ALL = 3;

    RequestsGrammar() {
        super(
                Requests.class,
                Lead.all(
                        "[show|list|get] [me] [the] " + NOUN,
                        "[show|list|get] [me] my " + NOUN,
                        "[show|list|get] [me] [the] pending|open " + NOUN,
                        "[show|list|get] [me] all [the] " + NOUN),
                Clauses.NONE,
                CommandSpec.draft("requests")
                        .syntax("requests [mine|pending|all]")
                        .summary("Lists approval requests: pending ones unless you ask for yours or for all.")
                        .examples("requests", "requests mine", "requests all")
                        .allowedTo(Role.PROVISIONING_ADMIN, Role.APPROVER)
                        .manifest("Requests", "List approval requests: requests, requests mine or requests all"));
    }

    @Override
    Requests read(Lead.Match match) {
        Phrase rest = match.rest();
        RequestFilter fromLead = switch (match.lead()) {
            case MY -> RequestFilter.MINE;
            case PENDING -> RequestFilter.PENDING;
            case ALL -> RequestFilter.ALL;
            default -> null;
        };
        if (fromLead != null) {
            expectEnd(rest);
            return new Requests(fromLead);
        }
        Phrase filter = rest.skip(Set.of("for", "that", "are"));
        RequestFilter named = filterNamed(filter.word());
        if (named == null) {
            expectEnd(rest);
            return new Requests(RequestFilter.PENDING);
        }
        expectEnd(filter.next());
        return new Requests(named);
    }

    private static RequestFilter filterNamed(String word) {
        return switch (word) {
            case "mine", "me", "my" -> RequestFilter.MINE;
            case "pending", "open", "waiting" -> RequestFilter.PENDING;
            case "all", "everything", "everyone's" -> RequestFilter.ALL;
            default -> null;
        };
    }

    @Override
    String render(Requests command) {
        return "requests " + command.filter().keyword();
    }
}
