package io.serviceaccountbot.governance;

import io.serviceaccountbot.storage.TestDatabase;

/** Grants under watch on H2, the sandbox's database. */
class H2WatchedGrantsIT extends WatchedGrantsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
