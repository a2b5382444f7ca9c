package io.serviceaccountbot.approval;

import io.serviceaccountbot.storage.TestDatabase;

/** Approval requests on H2 in PostgreSQL mode, the sandbox's database. */
class H2ApprovalRequestsIT extends ApprovalRequestsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
