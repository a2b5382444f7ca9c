package io.serviceaccountbot.operations;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.observation.ClientRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * What the traces hold beyond Spring Boot's defaults (OpenTelemetry through Micrometer's observations, exported by
 * OTLP once {@code management.opentelemetry.tracing.export.otlp.endpoint} is set): the tenant's request ids on every
 * HTTP call made with Spring's RestClient (Exchange Online's admin API, Azure Automation's jobs for Exchange Server,
 * the Bot Connector), and no traces of the probes and scrapes under {@code /actuator}, which would bury the turns.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    ClientRequestObservationConvention tenantRequestIdsOnCalls() {
        return new TenantRequestIdsOnCalls();
    }

    @Bean
    ObservationPredicate noActuatorTraces() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null
                && request.getCarrier().getRequestURI().startsWith("/actuator"));
    }
}
