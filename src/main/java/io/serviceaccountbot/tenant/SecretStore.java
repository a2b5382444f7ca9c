package io.serviceaccountbot.tenant;

import java.util.Optional;

/**
 * Where generated passwords go instead of the chat: Azure Key Vault in production, an encrypted file under the data
 * directory in sandbox mode.
 */
public interface SecretStore {

    /**
     * Stores the secret under the name, replacing an earlier version.
     *
     * @return where it is, in words an admin can follow to retrieve it
     */
    StoredSecret put(String name, Secret secret);

    /** The current version of the secret with that name. */
    Optional<Secret> get(String name);

    /**
     * Where a secret went.
     *
     * @param name the secret's name in the store
     * @param location where to find it, e.g. "Azure Key Vault kv-bots, secret svc-sync-password"
     */
    record StoredSecret(String name, String location) {}
}
