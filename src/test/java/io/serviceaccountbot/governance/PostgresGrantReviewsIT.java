package io.serviceaccountbot.governance;

import io.serviceaccountbot.storage.TestDatabase;

/** Access reviews on PostgreSQL, the production database (skipped where none runs, unless CI=true). */
class PostgresGrantReviewsIT extends GrantReviewsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
