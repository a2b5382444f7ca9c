package io.serviceaccountbot.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every PostgreSQL connection of the pool an {@code idle_in_transaction_session_timeout}, so that a transaction
 * whose replica was frozen in the middle of it is ended by the server, and its locks (an execution's row, the audit
 * log's head) freed for the other replicas, instead of being held until the replica wakes. Connections to other
 * databases, and pools given their own initial statement, are left as configured.
 */
final class PausedTransactionTimeout implements BeanPostProcessor {

    private final Duration timeout;

    PausedTransactionTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && pool.getConnectionInitSql() == null
                && timeout.toMillis() > 0) {
            pool.setConnectionInitSql("set idle_in_transaction_session_timeout = " + timeout.toMillis());
        }
        return bean;
    }
}
