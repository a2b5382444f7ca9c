package io.serviceaccountbot.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may export the audit log in production.
 *
 * @param exportRole the app role (in the {@code roles} claim of an Entra access token for the bot's app) that
 *     {@code /admin/audit} requires
 */
@ConfigurationProperties("bot.audit")
public record AuditProperties(@DefaultValue("Audit.Export") String exportRole) {}
