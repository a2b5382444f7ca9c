package io.serviceaccountbot.governance;

import io.serviceaccountbot.storage.TestDatabase;

/** Grants under watch on PostgreSQL, the production database (skipped where none runs, unless CI=true). */
class PostgresWatchedGrantsIT extends WatchedGrantsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
