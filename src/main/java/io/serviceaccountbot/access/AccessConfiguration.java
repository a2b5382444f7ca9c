package io.serviceaccountbot.access;

import io.serviceaccountbot.approval.ApproverDirectory;
import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.tenant.Directory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Resolves the role groups (the simulated tenant's in sandbox mode) and provides {@link AccessControl}. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessControl accessControl(Directory directory, AccessProperties properties, BotIdentity identity) {
        return new AccessControl(directory, effective(properties, identity));
    }

    @Bean
    ApproverDirectory approverDirectory(
            Directory directory, AccessControl access, AccessProperties properties, BotIdentity identity) {
        return new EntraApproverDirectory(
                directory, access, effective(properties, identity).approversGroupId());
    }

    private static AccessProperties effective(AccessProperties properties, BotIdentity identity) {
        return identity.mode().isSandbox() ? properties.withSandboxDefaults() : properties;
    }
}
