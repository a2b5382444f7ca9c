package io.serviceaccountbot.governance;

import java.util.List;
import java.util.Optional;

/** Where the grants under watch are kept: the application database, shared by every replica. */
interface WatchedGrants {

    /** Records a grant, replacing what was kept for its subject. */
    void save(WatchedGrant grant);

    Optional<WatchedGrant> find(String subject);

    /** Every grant under watch, by subject. */
    List<WatchedGrant> all();

    /** Stops watching; false when it was not watched. */
    boolean remove(String subject);
}
