package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.BotMessage;

/**
 * How the bot answers one kind of command, once the caller has been found allowed to run it. Each capability adds
 * its answers as beans; a command without one is answered honestly as not available yet.
 *
 * @param <C> the command answered
 */
public interface CommandAnswer<C extends Command> {

    Class<C> commandType();

    BotMessage answer(C command, Caller caller);
}
