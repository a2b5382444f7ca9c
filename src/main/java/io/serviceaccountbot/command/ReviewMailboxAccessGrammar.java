package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.ReviewMailboxAccess;

/** {@code review mailbox access}, also "review access to mailboxes". */
final class ReviewMailboxAccessGrammar extends Grammar<ReviewMailboxAccess> {

    ReviewMailboxAccessGrammar() {
        super(
                ReviewMailboxAccess.class,
                Lead.all("review [the] mailbox access", "review [the] access to mailboxes"),
                Clauses.NONE,
                CommandSpec.draft("review mailbox access")
                        .syntax("review mailbox access")
                        .summary("Lists who in the whole organisation can read other people's mailboxes, each with the"
                                + " command that narrows it; changes nothing.")
                        .examples("review mailbox access")
                        .allowedTo(Role.PROVISIONING_ADMIN, Role.APPROVER)
                        .manifest(
                                "Review mailbox access",
                                "List who can read other people's mailboxes, e.g. review mailbox access"));
    }

    @Override
    ReviewMailboxAccess read(Lead.Match match) {
        expectEnd(match.rest());
        return new ReviewMailboxAccess();
    }

    @Override
    String render(ReviewMailboxAccess command) {
        return "review mailbox access";
    }
}
