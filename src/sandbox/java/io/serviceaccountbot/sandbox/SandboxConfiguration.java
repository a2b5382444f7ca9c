package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import io.serviceaccountbot.storage.StorageProperties;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the simulated tenant from its file, or from its seed the first time, keeps it saved after every change, and
 * puts its Graph endpoints behind {@link GraphGate}; in sandbox mode only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMode
class SandboxConfiguration {

    /** The bot's access tokens in sandbox mode: the simulated tenant's own, which tests can have refused. */
    @Bean
    SimulatedIdentityPlatform simulatedIdentityPlatform() {
        return new SimulatedIdentityPlatform();
    }

    @Bean
    SimulatorFaults simulatorFaults(SandboxProperties properties) {
        return new SimulatorFaults(properties.latency());
    }

    @Bean
    SeedFile seedFile(SandboxProperties properties, JsonMapper json) throws IOException {
        return SeedFile.read(properties.seed(), json);
    }

    @Bean
    SimulatedDirectory simulatedDirectory(SandboxProperties properties, SeedFile seed, ObjectProvider<Clock> clock) {
        return new SimulatedDirectory(seed.seed(), clock.getIfAvailable(Clock::systemUTC), properties.mailboxDelay());
    }

    @Bean
    SimulatedTenant simulatedTenant(
            SimulatedDirectory directory,
            SimulatedCredentials credentials,
            SimulatedExchange recipients,
            SimulatedRoleGroups roleGroups,
            SimulatedAppAccess appAccess,
            SeedFile seed,
            SandboxProperties properties,
            ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return new SimulatedTenant(
                directory,
                credentials,
                recipients,
                roleGroups,
                appAccess,
                seed.digest(),
                () -> SimulatedDirectory.fromSeed(seed.seed(), time.instant()),
                SimulatedExchange.Saved.seeded(seed.seed().mailEnabledSecurityGroups()),
                properties.exchangeFlavour() == SandboxProperties.ExchangeFlavour.EXCHANGE_SERVER
                        ? () -> LegacyImpersonationHolder.create(recipients, roleGroups)
                        : () -> {});
    }

    /** The tenant's file, under {@code bot.storage.directory}; one per Exchange flavour, as each is its own world. */
    @Bean
    TenantFile tenantFile(
            SimulatedTenant tenant,
            StorageProperties storage,
            SandboxProperties properties,
            JsonMapper json,
            ObjectProvider<Clock> clock)
            throws IOException {
        String flavour =
                properties.exchangeFlavour().name().toLowerCase(Locale.ROOT).replace('_', '-');
        TenantFile file = new TenantFile(
                storage.directory().resolve("sandbox-tenant-" + flavour + ".json"),
                tenant,
                json,
                clock.getIfAvailable(Clock::systemUTC));
        file.open();
        return file;
    }

    @Bean
    FilterRegistrationBean<TenantPersistence> tenantPersistence(TenantFile file) {
        FilterRegistrationBean<TenantPersistence> registration =
                new FilterRegistrationBean<>(new TenantPersistence(file));
        registration.addUrlPatterns("/sandbox/*");
        registration.setName("simulatedTenantPersistence");
        registration.setOrder(0);
        return registration;
    }

    @Bean
    SimulatedPermissions simulatedPermissions(SandboxProperties properties) {
        return new SimulatedPermissions(properties.refusedPermissions());
    }

    @Bean
    SimulatedCredentials simulatedCredentials() {
        return new SimulatedCredentials();
    }

    @Bean
    FilterRegistrationBean<GraphGate> graphGate(
            SimulatorFaults faults, SimulatedPermissions permissions, JsonMapper json) {
        FilterRegistrationBean<GraphGate> registration =
                new FilterRegistrationBean<>(new GraphGate(faults, permissions, json));
        registration.addUrlPatterns(GraphGate.PREFIX + "/*");
        registration.setName("simulatedGraphGate");
        return registration;
    }
}
