package io.serviceaccountbot.governance;

import io.serviceaccountbot.storage.TestDatabase;

/** Access reviews on H2, the sandbox's database. */
class H2GrantReviewsIT extends GrantReviewsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
