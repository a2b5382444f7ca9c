package io.serviceaccountbot.tenant;

/**
 * A domain the organisation has verified, in which user principal names may be created.
 *
 * @param name e.g. {@code contoso.com}
 * @param isDefault whether it is the organisation's default domain
 */
public record VerifiedDomain(String name, boolean isDefault) {}
