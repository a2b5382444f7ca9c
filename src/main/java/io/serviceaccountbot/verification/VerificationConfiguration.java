package io.serviceaccountbot.verification;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.provisioning.Directory;
import io.serviceaccountbot.provisioning.ExchangeAdmin;
import io.serviceaccountbot.provisioning.ImpersonationProbe;
import io.serviceaccountbot.provisioning.SecretStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the checks to the tenant's ports. */
@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    @Bean
    AccountVerification accountVerification(
            Directory directory, ExchangeAdmin exchange, ImpersonationProbe probe, SecretStore secrets) {
        return new AccountVerification(directory, exchange, probe, secrets);
    }

    @Bean
    BotAccessCheck botAccessCheck(
            AccessTokens tokens, Directory directory, ExchangeAdmin exchange, SecretStore secrets) {
        return new BotAccessCheck(tokens, directory, exchange, secrets);
    }

    @Bean
    AppAccessVerification appAccessVerification(ExchangeAdmin exchange) {
        return new AppAccessVerification(exchange);
    }
}
