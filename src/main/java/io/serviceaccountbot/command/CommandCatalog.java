package io.serviceaccountbot.command;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every command the bot understands, in the order help shows them. The catalog answers "what can I run?" ({@link
 * #specsFor(Set)}), "tell me about grant" ({@link #lookup(String)}) and "what is this command?" ({@link
 * #specFor(Command)}).
 */
public final class CommandCatalog {

    private static final CommandCatalog STANDARD = new CommandCatalog(List.of(
            new HelpGrammar(),
            new CreateServiceAccountGrammar(),
            new UseExistingAccountGrammar(),
            new GrantImpersonationGrammar(),
            new RevokeImpersonationGrammar(),
            new SetupExchangeSyncGrammar(),
            new SetupSalesforceSyncGrammar(),
            new GrantAppAccessGrammar(),
            new VerifyGrammar(),
            new VerifyExchangeSyncGrammar(),
            new AddToExchangeSyncGrammar(),
            new RemoveFromExchangeSyncGrammar(),
            new ShowRoleGroupGrammar(),
            new ReviewMailboxAccessGrammar(),
            new DriftGrammar(),
            new RestoreAsApprovedGrammar(),
            new PlanGrammar(),
            new RequestsGrammar(),
            new ApproveGrammar(),
            new RejectGrammar(),
            new CancelGrammar(),
            new RetryGrammar(),
            new AuditGrammar(),
            new AuditVerifyGrammar(),
            new WhoAmIGrammar(),
            new DoctorGrammar()));

    /** Teams' limit on the commands of one manifest command list. */
    public static final int COMMAND_MENU_LIMIT = 12;

    private static final Set<Class<? extends Command>> NOT_IN_COMMAND_MENU = Set.of(
            Command.Approve.class,
            Command.Reject.class,
            Command.Cancel.class,
            Command.Retry.class,
            Command.Audit.class,
            Command.AuditVerify.class,
            Command.Doctor.class,
            Command.GrantAppAccess.class,
            Command.VerifyExchangeSync.class,
            Command.AddToExchangeSync.class,
            Command.RemoveFromExchangeSync.class,
            Command.ReviewMailboxAccess.class,
            Command.Drift.class,
            Command.RestoreAsApproved.class);

    private final List<Grammar<?>> grammars;
    private final List<CommandSpec> specs;
    private final Set<String> reservedWords;

    private CommandCatalog(List<Grammar<?>> grammars) {
        this.grammars = List.copyOf(grammars);
        this.specs = this.grammars.stream().map(Grammar::spec).toList();
        Set<String> words = new LinkedHashSet<>();
        this.grammars.forEach(grammar -> words.addAll(grammar.words()));
        Politeness.CLOSERS.forEach(closer -> words.addAll(List.of(closer.split(" "))));
        this.reservedWords = Set.copyOf(words);
    }

    /** The bot's command language. */
    public static CommandCatalog standard() {
        return STANDARD;
    }

    /** Every command, in the order help lists them. */
    public List<CommandSpec> specs() {
        return specs;
    }

    /** The spec of a command type. */
    public CommandSpec specFor(Class<? extends Command> type) {
        return specs.stream()
                .filter(spec -> spec.commandType().equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a command type: " + type.getName()));
    }

    /** The spec of a command, e.g. to check {@link CommandSpec#allows(Set)} before running it. */
    public CommandSpec specFor(Command command) {
        Objects.requireNonNull(command, "command");
        return specFor(command.getClass());
    }

    /** The command with exactly this keyword, e.g. "grant app access". */
    public Optional<CommandSpec> byKeyword(String keyword) {
        return specs.stream()
                .filter(spec -> spec.keyword().equalsIgnoreCase(keyword.trim()))
                .findFirst();
    }

    /**
     * The commands "help &lt;topic&gt;" should explain: all of them for an empty topic, otherwise the best matches
     * (see {@link HelpTopics}); empty when nothing resembles the topic.
     */
    public List<CommandSpec> lookup(String topic) {
        return HelpTopics.lookup(Objects.requireNonNull(topic, "topic"), grammars);
    }

    /** The commands someone holding {@code roles} may run, in help order; help and whoami are always included. */
    public List<CommandSpec> specsFor(Set<Role> roles) {
        Objects.requireNonNull(roles, "roles");
        return specs.stream().filter(spec -> spec.allows(roles)).toList();
    }

    /**
     * The commands offered in Teams' command menu (the app manifest's command list), in help order. Teams allows at
     * most {@value #COMMAND_MENU_LIMIT} commands per list, so the deciding and auditing commands, which approvers
     * mostly use from the approval cards, are left out of the menu, and so is the generic {@code grant app access}
     * (Salesforce's set-up is offered instead); help lists every command.
     */
    public List<CommandSpec> commandMenu() {
        return specs.stream()
                .filter(spec -> !NOT_IN_COMMAND_MENU.contains(spec.commandType()))
                .toList();
    }

    /** The command {@code text} most resembles, for "did you mean"; empty when nothing is close. */
    public Optional<CommandSpec> nearest(String text) {
        return DidYouMean.nearest(InputText.normalise(Objects.requireNonNull(text, "text")), specs);
    }

    List<Grammar<?>> grammars() {
        return grammars;
    }

    /** Words that are keywords somewhere in the language; a value spelled like one is quoted when rendered. */
    Set<String> reservedWords() {
        return reservedWords;
    }
}
