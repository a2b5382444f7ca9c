/**
 * What operators see of the bot: the admin endpoints' security (the audit export, the Prometheus metrics), and the
 * approval metrics, taken from the approval module's events. Health, info and the metrics registry are Spring Boot
 * Actuator's; the other modules count what they do on Micrometer's global registry, which Spring Boot binds to its
 * own, under the names listed in docs/operations.md.
 */
package io.serviceaccountbot.operations;
