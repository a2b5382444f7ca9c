package io.serviceaccountbot.chat;

import io.micrometer.core.instrument.Metrics;
import io.serviceaccountbot.access.AccessControl;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandCatalog;
import io.serviceaccountbot.command.CommandParser;
import io.serviceaccountbot.command.CommandSpec;
import io.serviceaccountbot.command.ParseResult;
import io.serviceaccountbot.command.Role;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import io.serviceaccountbot.tenant.TenantException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * From typed text to the bot's answer: parse, check that the caller holds a role the command allows (deny by default:
 * allowed only on roles the directory gave just now, refused on a recent answer too, see {@link
 * AccessControl#rolesForCommand}), then answer with the capability that owns the command: the answer for the
 * command's type, or else one for a type it belongs to (e.g. every privileged command).
 */
@Component
class CommandConversation {

    private static final Logger log = LoggerFactory.getLogger(CommandConversation.class);

    private final CommandCatalog catalog = CommandCatalog.standard();
    private final AccessControl access;
    private final Map<Class<?>, CommandAnswer<?>> answers = new HashMap<>();

    CommandConversation(AccessControl access, List<CommandAnswer<?>> answers) {
        this.access = access;
        answers.forEach(answer -> this.answers.put(answer.commandType(), answer));
    }

    BotMessage answer(String text, Caller caller) {
        ParseResult result = CommandParser.parse(text);
        if (result instanceof ParseResult.Rejected rejected) {
            return BotMessage.text(UserText.forMarkdown(rejected.error().message()));
        }
        return answer(((ParseResult.Parsed) result).command(), caller);
    }

    /** Answers a command that has been parsed already, checking the caller's roles afresh like for typed text. */
    BotMessage answer(Command command, Caller caller) {
        CommandSpec spec = catalog.specFor(command);
        if (!spec.roles().isEmpty()) {
            Set<Role> roles;
            try {
                roles = access.rolesForCommand(caller.aadObjectId(), spec.roles());
            } catch (TenantException e) {
                count(spec, "roles-unavailable");
                log.warn("Could not check the roles for {}: {}", spec.keyword(), e.getMessage());
                if (e.kind() == TenantException.Kind.ACCESS_DENIED) {
                    return BotMessage.text("I am not allowed to read group membership in Microsoft Entra ID (my app"
                            + " registration lacks GroupMember.Read.All), so I can't check your permissions, and I did"
                            + " nothing. An Entra administrator has to grant it; my log lists every missing"
                            + " permission at start-up.");
                }
                return BotMessage.text("I couldn't reach Microsoft Entra ID to check your permissions just now, so"
                        + " I did nothing. Please try again in a minute.");
            }
            if (!spec.allows(roles)) {
                count(spec, "refused");
                return refusal(spec, caller);
            }
        }
        try {
            BotMessage answer = dispatch(command, caller, spec);
            count(spec, "answered");
            return answer;
        } catch (TenantException e) {
            count(spec, e.isTransient() ? "tenant-unavailable" : "tenant-error");
            log.warn(
                    "{} failed: {}{}",
                    spec.keyword(),
                    e.getMessage(),
                    e.requestId() == null ? "" : " (request id " + e.requestId() + ")");
            return BotMessage.text("**" + spec.keyword() + "** stopped: " + e.service() + " answered that "
                    + UserText.forMarkdown(e.getMessage())
                    + (e.isTransient() ? ". Please try again in a few minutes." : "."));
        } catch (RuntimeException e) {
            count(spec, "error");
            String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
            log.error("{} failed unexpectedly (reference {})", spec.keyword(), reference, e);
            return BotMessage.text("Something went wrong on my side while running **" + spec.keyword()
                    + "**, and I stopped. The error is logged with reference " + reference + ".");
        }
    }

    @SuppressWarnings("unchecked")
    private <C extends Command> BotMessage dispatch(C command, Caller caller, CommandSpec spec) {
        CommandAnswer<C> answer = (CommandAnswer<C>) answers.get(command.getClass());
        if (answer == null) {
            answer = (CommandAnswer<C>) answers.entrySet().stream()
                    .filter(entry -> entry.getKey().isInstance(command))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        if (answer == null) {
            return BotMessage.text("**" + spec.keyword() + "** is not available yet: it arrives in a coming release"
                    + " of this bot. Nothing was changed.");
        }
        return answer.answer(command, caller);
    }

    /** {@code bot.commands}: commands by keyword and outcome. */
    private static void count(CommandSpec spec, String outcome) {
        Metrics.counter("bot.commands", "command", spec.keyword(), "outcome", outcome)
                .increment();
    }

    private static BotMessage refusal(CommandSpec spec, Caller caller) {
        return BotMessage.text("Sorry " + UserText.forMarkdown(caller.nameOr("there")) + ", **" + spec.keyword()
                + "** is only for "
                + RoleNames.whoMay(spec.roles()) + ", and you are not one. Nothing was done. An administrator can"
                + " give you the role by adding you to the bot's Entra group. Type **help** to see what you can do.");
    }
}
