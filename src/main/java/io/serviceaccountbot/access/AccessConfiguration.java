package io.serviceaccountbot.access;

import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.provisioning.Directory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Resolves the role groups (the simulated tenant's in sandbox mode) and provides {@link AccessControl}. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessControl accessControl(Directory directory, AccessProperties properties, BotIdentity identity) {
        return new AccessControl(
                directory, identity.mode().isSandbox() ? properties.withSandboxDefaults() : properties);
    }
}
