package io.serviceaccountbot.tenant;

/**
 * An application permission an app holds tenant-wide: an app role of another API (its resource), assigned to the app's
 * service principal, usually at admin consent. It reaches every object the API serves, whatever Exchange's RBAC for
 * Applications scopes say.
 *
 * @param assignmentId the appRoleAssignment's id, by which it is removed
 * @param resourceAppId the API's application id, e.g. 00000003-0000-0000-c000-000000000000 for Microsoft Graph
 * @param resourceName the API's name, e.g. Microsoft Graph
 * @param permission the app role's value, e.g. Mail.Read; the appRoleId when the API does not list it
 */
public record TenantWidePermission(String assignmentId, String resourceAppId, String resourceName, String permission) {

    /** E.g. "Microsoft Graph Mail.Read". */
    public String label() {
        return resourceName + " " + permission;
    }
}
