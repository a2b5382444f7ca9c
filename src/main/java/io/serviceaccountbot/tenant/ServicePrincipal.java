package io.serviceaccountbot.tenant;

/**
 * An app's service principal in the directory (its "enterprise application" in Entra ID): what RBAC for Applications
 * in Exchange Online registers and grants roles to.
 *
 * @param id the service principal's object id
 * @param appId the application (client) id the app signs in with
 * @param displayName the app's name, e.g. Salesforce Exchange Sync
 */
public record ServicePrincipal(String id, String appId, String displayName) {}
