package io.serviceaccountbot.teams;

import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.MailboxAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the approval conversation tests add to the sandbox bot: service accounts with a mailbox in the simulated
 * tenant (made through the directory port, as an admin would, so that the real plans can be approved and run), and a
 * clock they can move forward to let requests expire.
 */
@TestConfiguration(proxyBeanMethods = false)
class ApprovalTestSupport {

    @Bean
    ServiceAccounts serviceAccounts(Directory directory) {
        return new ServiceAccounts(new MailboxAccounts(directory));
    }

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    /** Service accounts with a ready mailbox, each made once per simulated tenant. */
    static final class ServiceAccounts {

        private final MailboxAccounts accounts;
        private final Set<String> made = ConcurrentHashMap.newKeySet();

        ServiceAccounts(MailboxAccounts accounts) {
            this.accounts = accounts;
        }

        void withMailbox(String... aliases) {
            for (String alias : aliases) {
                if (made.add(alias)) {
                    accounts.withMailbox(alias);
                }
            }
        }
    }

    /** The system clock, moved forward by however much a test asks. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

        void advance(Duration by) {
            ahead.updateAndGet(current -> current.plus(by));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
