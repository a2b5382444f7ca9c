package io.serviceaccountbot.provisioning;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** The tenant's directory (Microsoft Entra ID): users and group membership. */
public interface Directory {

    /**
     * The user with this object id or user principal name, if there is one.
     *
     * @throws DirectoryUnavailableException when the directory cannot answer
     */
    Optional<DirectoryUser> findUser(String objectIdOrUpn);

    /**
     * Which of the given groups the user belongs to, directly or through nested groups.
     *
     * @throws DirectoryUnavailableException when the directory cannot answer
     */
    Set<String> memberGroups(String userObjectId, Collection<String> groupIds);
}
