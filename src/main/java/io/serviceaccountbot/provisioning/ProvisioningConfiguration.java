package io.serviceaccountbot.provisioning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the provisioning operations to the tenant's ports. */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfiguration {

    @Bean
    ServiceAccountCreation serviceAccountCreation(
            Directory directory, SecretStore secrets, PasswordGenerator passwords, ProvisioningProperties properties) {
        return new ServiceAccountCreation(directory, secrets, passwords, properties);
    }
}
