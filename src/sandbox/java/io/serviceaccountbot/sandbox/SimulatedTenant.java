package io.serviceaccountbot.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The simulated tenant as one whole: its directory, sign-in checks and Exchange organisation can be read out together
 * as a {@link SavedTenant}, and put back, whether from the tenant's file after a restart or from the seed to start
 * afresh. The parts keep their own locks; a read-out takes them one after the other, so it holds every change that
 * ended before it began.
 */
final class SimulatedTenant {

    private final SimulatedDirectory directory;
    private final SimulatedCredentials credentials;
    private final SimulatedExchange recipients;
    private final SimulatedRoleGroups roleGroups;
    private final SimulatedAppAccess appAccess;
    private final String seedDigest;
    private final Supplier<SimulatedDirectory.Saved> seed;
    private final SimulatedExchange.Saved exchangeSeed;
    private final Runnable exchangeSeedChanges;

    SimulatedTenant(
            SimulatedDirectory directory,
            SimulatedCredentials credentials,
            SimulatedExchange recipients,
            SimulatedRoleGroups roleGroups,
            SimulatedAppAccess appAccess,
            String seedDigest,
            Supplier<SimulatedDirectory.Saved> seed) {
        this(
                directory,
                credentials,
                recipients,
                roleGroups,
                appAccess,
                seedDigest,
                seed,
                SimulatedExchange.Saved.empty());
    }

    /**
     * A tenant whose Exchange organisation starts as {@code exchangeSeed} has it (the directory starts from the seed
     * already); a tenant file read afterwards replaces both.
     *
     * @param exchangeSeed what the Exchange organisation starts with: the seed's mail-enabled groups
     */
    SimulatedTenant(
            SimulatedDirectory directory,
            SimulatedCredentials credentials,
            SimulatedExchange recipients,
            SimulatedRoleGroups roleGroups,
            SimulatedAppAccess appAccess,
            String seedDigest,
            Supplier<SimulatedDirectory.Saved> seed,
            SimulatedExchange.Saved exchangeSeed) {
        this(directory, credentials, recipients, roleGroups, appAccess, seedDigest, seed, exchangeSeed, () -> {});
    }

    /**
     * A tenant whose Exchange organisation starts as {@code exchangeSeed} has it, then changed as {@code
     * exchangeSeedChanges} changes it (what an admin did before the bot came, e.g. a legacy impersonation holder).
     */
    SimulatedTenant(
            SimulatedDirectory directory,
            SimulatedCredentials credentials,
            SimulatedExchange recipients,
            SimulatedRoleGroups roleGroups,
            SimulatedAppAccess appAccess,
            String seedDigest,
            Supplier<SimulatedDirectory.Saved> seed,
            SimulatedExchange.Saved exchangeSeed,
            Runnable exchangeSeedChanges) {
        this.exchangeSeed = exchangeSeed;
        this.exchangeSeedChanges = exchangeSeedChanges;
        this.directory = directory;
        this.credentials = credentials;
        this.recipients = recipients;
        this.roleGroups = roleGroups;
        this.appAccess = appAccess;
        this.seedDigest = seedDigest;
        this.seed = seed;
        recipients.restore(exchangeSeed);
        exchangeSeedChanges.run();
    }

    SavedTenant saved() {
        return new SavedTenant(
                SavedTenant.FORMAT,
                seedDigest,
                directory.saved(),
                credentials.saved(),
                recipients.saved(),
                roleGroups.saved(),
                appAccess.saved());
    }

    /** Puts back what was saved; Exchange's recipients first, whose names the role groups hold. */
    void restore(SavedTenant saved) {
        directory.restore(saved.directory());
        credentials.restore(saved.credentials());
        recipients.restore(saved.recipients());
        roleGroups.restore(saved.roleGroups());
        appAccess.restore(saved.appAccess());
    }

    /**
     * Deletes a user, as an admin may behind the bot's back: it leaves the directory (or, for one New-Mailbox made on
     * Exchange Server, Active Directory), and its Exchange group and role group memberships go with it. Whether there
     * was such a user.
     */
    boolean deleteUser(String idOrUpn) {
        Optional<String> deleted =
                directory.delete(idOrUpn).map(SimulatedUser::id).or(() -> recipients.deleteMailboxUser(idOrUpn));
        deleted.ifPresent(id -> {
            recipients.forgetUser(id);
            roleGroups.forgetUser(id);
        });
        return deleted.isPresent();
    }

    /**
     * Back to the seed: its people, groups and tenant-wide consents, no service accounts of the bot's, an Exchange
     * organisation with the seed's mail-enabled groups and what an admin did there before the bot came.
     */
    void reset() {
        restore(new SavedTenant(
                SavedTenant.FORMAT,
                seedDigest,
                seed.get(),
                Map.of(),
                exchangeSeed,
                List.of(),
                SimulatedAppAccess.Saved.empty()));
        exchangeSeedChanges.run();
    }

    /** The SHA-256 of the seed this tenant starts from. */
    String seedDigest() {
        return seedDigest;
    }
}
