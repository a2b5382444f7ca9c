package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.storage.TestDatabase;

/** The contract on PostgreSQL, the production database (skipped where none runs, unless CI=true). */
class PostgresApprovalCardCopiesIT extends ApprovalCardCopiesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
