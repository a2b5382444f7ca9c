package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.storage.TestDatabase;

/** The contract on H2 in PostgreSQL mode, the sandbox's database. */
class H2ApprovalCardCopiesIT extends ApprovalCardCopiesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
