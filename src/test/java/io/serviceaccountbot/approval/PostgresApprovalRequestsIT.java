package io.serviceaccountbot.approval;

import io.serviceaccountbot.storage.TestDatabase;

/** Approval requests on PostgreSQL, the production database (skipped where none runs, unless CI=true). */
class PostgresApprovalRequestsIT extends ApprovalRequestsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
