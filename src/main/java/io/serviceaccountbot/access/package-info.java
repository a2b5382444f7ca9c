/**
 * Who may do what. A person's roles come from their membership, direct or nested, of Entra groups named in the
 * configuration, checked through the {@link io.serviceaccountbot.tenant.Directory} against the Entra object id
 * Teams reports for them, never against anything a message or card says. Deny by default: no group, no role.
 */
package io.serviceaccountbot.access;
