package io.serviceaccountbot.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything said about one command: its keyword, syntax, a one-sentence summary, examples, who may run it, and its
 * entry in the Teams app manifest. Help cards, error messages and the manifest are built from this.
 *
 * <p>A spec is created by the grammar that parses and renders its command, so the examples shown are exactly what is
 * accepted; a test parses every one of them.
 */
public final class CommandSpec {

    /** Teams limits a manifest command's title to 32 characters. */
    public static final int MAX_MANIFEST_TITLE = 32;

    /** Teams limits a manifest command's description to 128 characters. */
    public static final int MAX_MANIFEST_DESCRIPTION = 128;

    private final String keyword;
    private final String syntax;
    private final String summary;
    private final List<String> examples;
    private final Set<Role> roles;
    private final String manifestTitle;
    private final String manifestDescription;
    private final Class<? extends Command> commandType;
    private final Grammar<?> grammar;

    private CommandSpec(Draft draft, Class<? extends Command> commandType, Grammar<?> grammar) {
        this.keyword = draft.keyword;
        this.syntax = Objects.requireNonNull(draft.syntax, "syntax");
        this.summary = Objects.requireNonNull(draft.summary, "summary");
        this.examples = List.copyOf(draft.examples);
        this.roles = Set.copyOf(Objects.requireNonNull(draft.roles, "roles"));
        this.manifestTitle = Objects.requireNonNull(draft.manifestTitle, "manifest title");
        this.manifestDescription = Objects.requireNonNull(draft.manifestDescription, "manifest description");
        this.commandType = commandType;
        this.grammar = grammar;
        if (examples.isEmpty()
                || manifestTitle.length() > MAX_MANIFEST_TITLE
                || manifestDescription.length() > MAX_MANIFEST_DESCRIPTION) {
            throw new IllegalStateException("incomplete or oversized documentation for " + keyword);
        }
    }

    static Draft draft(String keyword) {
        return new Draft(keyword);
    }

    /** The words that name the command, e.g. "create service account". */
    public String keyword() {
        return keyword;
    }

    /** The syntax line, e.g. {@code create service account <alias> [named "<display name>"] ...}. */
    public String syntax() {
        return syntax;
    }

    /** One sentence on what the command does. */
    public String summary() {
        return summary;
    }

    /** Commands that work as written; the first is the simplest. */
    public List<String> examples() {
        return examples;
    }

    /** Roles allowed to run the command; holding any one is enough. Empty means everyone. */
    public Set<Role> roles() {
        return roles;
    }

    /** Whether someone holding {@code held} may run the command. */
    public boolean allows(Set<Role> held) {
        return roles.isEmpty() || held.stream().anyMatch(roles::contains);
    }

    /** The command's title in the Teams app manifest (at most 32 characters). */
    public String manifestTitle() {
        return manifestTitle;
    }

    /** The command's description in the Teams app manifest (at most 128 characters). */
    public String manifestDescription() {
        return manifestDescription;
    }

    /** Whether the command needs an approver's decision before it runs. */
    public boolean privileged() {
        return Command.Privileged.class.isAssignableFrom(commandType);
    }

    /** The record type the command parses to. */
    public Class<? extends Command> commandType() {
        return commandType;
    }

    Grammar<?> grammar() {
        return grammar;
    }

    @Override
    public String toString() {
        return keyword;
    }

    /** The documentation part of a spec, written by a grammar; the grammar turns it into a spec of itself. */
    static final class Draft {

        private final String keyword;
        private String syntax;
        private String summary;
        private List<String> examples = List.of();
        private Set<Role> roles;
        private String manifestTitle;
        private String manifestDescription;

        private Draft(String keyword) {
            this.keyword = Objects.requireNonNull(keyword);
        }

        Draft syntax(String syntax) {
            this.syntax = syntax;
            return this;
        }

        Draft summary(String summary) {
            this.summary = summary;
            return this;
        }

        Draft examples(String... examples) {
            this.examples = List.of(examples);
            return this;
        }

        Draft allowedTo(Role first, Role... more) {
            this.roles = EnumSet.of(first, more);
            return this;
        }

        Draft allowedToEveryone() {
            this.roles = Set.of();
            return this;
        }

        Draft manifest(String title, String description) {
            this.manifestTitle = title;
            this.manifestDescription = description;
            return this;
        }

        CommandSpec describe(Class<? extends Command> commandType, Grammar<?> grammar) {
            return new CommandSpec(this, commandType, grammar);
        }
    }
}
