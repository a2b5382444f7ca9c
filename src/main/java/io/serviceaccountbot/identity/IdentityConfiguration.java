package io.serviceaccountbot.identity;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Decides the runtime mode, refuses an incomplete production configuration, and provides access tokens. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    BotIdentity botIdentity(IdentityProperties properties, ObjectProvider<RequiredSettings> requiredSettings) {
        BotIdentity identity = BotIdentity.from(properties);
        if (identity.mode() == RuntimeMode.PRODUCTION) {
            List<String> missing = requiredSettings
                    .orderedStream()
                    .flatMap(settings -> settings.missingForProduction().stream())
                    .toList();
            if (!missing.isEmpty()) {
                throw new IncompleteConfigurationException(missing);
            }
        } else {
            SandboxBanner.print(log);
        }
        return identity;
    }

    /** In sandbox mode, before anything else: callers on this machine only, on every path. */
    @Bean
    @ConditionalOnSandboxMode
    FilterRegistrationBean<SandboxCallerFilter> sandboxCallerFilter() {
        FilterRegistrationBean<SandboxCallerFilter> registration =
                new FilterRegistrationBean<>(new SandboxCallerFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Microsoft Entra ID's tokens, in production mode; in sandbox mode the simulated tenant issues its own. */
    @Bean
    @ConditionalOnProductionMode
    AccessTokens accessTokens(IdentityProperties properties, ObjectProvider<Clock> clock) throws Exception {
        return new CachingAccessTokens(MsalTokenSource.from(properties, null), clock.getIfAvailable(Clock::systemUTC));
    }
}
