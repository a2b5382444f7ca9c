package io.serviceaccountbot.audit;

import io.serviceaccountbot.storage.TestDatabase;

/** The contract on H2 in PostgreSQL mode, the sandbox's database. */
class H2AuditLogIT extends AuditLogContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
