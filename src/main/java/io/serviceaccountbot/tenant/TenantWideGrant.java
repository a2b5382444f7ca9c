package io.serviceaccountbot.tenant;

/**
 * One app's tenant-wide permission of an API, as the API's side lists it.
 *
 * @param app the app holding it
 * @param permission the permission, named by the API's app roles
 * @param grantedOn when it was granted, as Graph gives it (ISO 8601), or null when Graph does not say
 */
public record TenantWideGrant(ServicePrincipal app, TenantWidePermission permission, String grantedOn) {}
