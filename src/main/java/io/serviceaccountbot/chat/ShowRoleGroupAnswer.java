package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import org.springframework.stereotype.Component;

/** {@code show role group "<name>"}: the role group's roles and members, as Exchange has them. */
@Component
class ShowRoleGroupAnswer implements CommandAnswer<Command.ShowRoleGroup> {

    private final ExchangeAdmin exchange;

    ShowRoleGroupAnswer(ExchangeAdmin exchange) {
        this.exchange = exchange;
    }

    @Override
    public Class<Command.ShowRoleGroup> commandType() {
        return Command.ShowRoleGroup.class;
    }

    @Override
    public BotMessage answer(Command.ShowRoleGroup command, Caller caller) {
        return exchange.roleGroup(command.name())
                .map(ReportCards::roleGroup)
                .orElseGet(() ->
                        BotMessage.text("Exchange has no role group named **" + UserText.forMarkdown(command.name())
                                + "**. Names are matched exactly; check the spelling in the Exchange admin center under"
                                + " Roles > Admin roles."));
    }
}
