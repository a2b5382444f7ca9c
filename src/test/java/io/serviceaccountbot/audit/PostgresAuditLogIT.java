package io.serviceaccountbot.audit;

import io.serviceaccountbot.storage.TestDatabase;

/** The contract on PostgreSQL, the production database (skipped where none runs, unless CI=true). */
class PostgresAuditLogIT extends AuditLogContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
