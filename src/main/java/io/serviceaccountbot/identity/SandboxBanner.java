package io.serviceaccountbot.identity;

import org.slf4j.Logger;

/** The loud warning that a sandbox start writes to the log, so nobody mistakes it for a production bot. */
final class SandboxBanner {

    private SandboxBanner() {}

    static void print(Logger log) {
        log.warn("""

                ************************************************************************************
                *  SANDBOX MODE: no tenant configured (bot.identity.tenant-id is empty).            *
                *  - Activities are accepted WITHOUT authentication, from loopback service URLs.    *
                *  - Graph and Exchange calls go to the simulated tenant under /sandbox/.           *
                *  - The server listens on the loopback address only unless server.address is set. *
                *  Configure bot.identity.* to run against a real Microsoft 365 tenant.             *
                ************************************************************************************""");
    }
}
