package io.serviceaccountbot.storage;

import io.serviceaccountbot.identity.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Names the database in the log, takes part in the production start-up check, and bounds how long a paused replica's
 * transaction may hold its locks.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    /** A transaction left open by a frozen replica is ended by PostgreSQL after a while, freeing its locks. */
    @Bean
    static PausedTransactionTimeout pausedTransactionTimeout(Environment environment) {
        StorageProperties storage = Binder.get(environment).bindOrCreate("bot.storage", StorageProperties.class);
        return new PausedTransactionTimeout(storage.pausedTransactionTimeout());
    }

    /** Once the embedded database exists, its files are readable by their owner only. */
    @Bean
    EmbeddedDatabaseFiles embeddedDatabaseFiles(DatabaseSetting setting) {
        return new EmbeddedDatabaseFiles(setting.embeddedFile());
    }

    @Bean
    DatabaseSetting databaseSetting(Environment environment) {
        DatabaseSetting setting = new DatabaseSetting(environment.getProperty(SandboxDatabase.URL));
        if (setting.url() == null || setting.url().isBlank()) {
            return setting;
        }
        if (setting.embeddedFile() != null) {
            log.info("State is kept in the embedded database {}", setting.url().split(";", 2)[0]);
        } else if (RuntimeMode.of(environment) == RuntimeMode.PRODUCTION && !setting.isPostgreSql()) {
            log.warn("spring.datasource.url is not a PostgreSQL database; production is built and tested for"
                    + " PostgreSQL 15+, and several replicas need one shared PostgreSQL");
        }
        return setting;
    }
}
