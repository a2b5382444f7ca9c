package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulated Exchange organisation, in sandbox mode only, in the flavour {@code bot.sandbox.exchange-flavour}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMode
class ExchangeSimulatorConfiguration {

    /** Who has a mailbox: the simulated directory says so (tests may put their own mailboxes first). */
    @Bean
    SimulatedExchange simulatedExchange(Recipients recipients, SimulatedDirectory directory) {
        return new SimulatedExchange(recipients, directory.domains().get(0));
    }

    @Bean
    SimulatedRoleGroups simulatedRoleGroups(SandboxProperties properties, SimulatedExchange exchange) {
        return new SimulatedRoleGroups(properties.exchangeFlavour(), exchange);
    }

    @Bean
    SimulatedAppAccess simulatedAppAccess(
            SimulatedExchange exchange, SimulatedRoleGroups roles, SimulatedDirectory directory) {
        return new SimulatedAppAccess(exchange, roles, directory::mailboxConsent);
    }

    @Bean
    ExchangeCmdlets exchangeCmdlets(SimulatedExchange exchange, SimulatedRoleGroups roles, SimulatedAppAccess apps) {
        return new ExchangeCmdlets(exchange, roles, apps);
    }
}
