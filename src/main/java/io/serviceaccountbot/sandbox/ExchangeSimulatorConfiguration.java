package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import io.serviceaccountbot.sandbox.Recipients.MailboxUser;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulated Exchange organisation, in sandbox mode only, in the flavour {@code bot.sandbox.exchange-flavour}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMode
class ExchangeSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExchangeSimulatorConfiguration.class);

    @Bean
    SimulatedExchange simulatedExchange(SimulatedDirectory directory, ObjectProvider<Recipients> recipients) {
        Recipients mailboxes = recipients.getIfAvailable(() -> directoryUsers(directory));
        return new SimulatedExchange(mailboxes, directory.domains().get(0));
    }

    @Bean
    SimulatedRoleGroups simulatedRoleGroups(SandboxProperties properties, SimulatedExchange exchange) {
        return new SimulatedRoleGroups(properties.exchangeFlavour(), exchange);
    }

    @Bean
    SimulatedAppAccess simulatedAppAccess(SimulatedExchange exchange, SimulatedRoleGroups roles) {
        return new SimulatedAppAccess(exchange, roles);
    }

    @Bean
    ExchangeCmdlets exchangeCmdlets(SimulatedExchange exchange, SimulatedRoleGroups roles, SimulatedAppAccess apps) {
        return new ExchangeCmdlets(exchange, roles, apps);
    }

    /**
     * Until the simulated directory tracks mailboxes itself, every directory user counts as having one, found by
     * object id or user principal name.
     */
    private static Recipients directoryUsers(SimulatedDirectory directory) {
        log.info("Simulated Exchange: every simulated directory user has a mailbox");
        return identity -> {
            Optional<TenantSeed.SeedUser> user = directory.user(identity);
            return user.map(seed ->
                    new MailboxUser(seed.id(), seed.mailNickname(), seed.userPrincipalName(), seed.displayName()));
        };
    }
}
