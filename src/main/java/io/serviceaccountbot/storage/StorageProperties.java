package io.serviceaccountbot.storage;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the sandbox keeps its state, and how the database treats a paused replica.
 *
 * @param directory where the sandbox keeps its state, readable by its owner only: the embedded database (the H2 file
 *     {@code bot.mv.db}, unless {@code spring.datasource.url} is set), the simulated tenant ({@code
 *     sandbox-tenant-<flavour>.json}) and, unless {@code bot.secrets.directory} is set, the generated passwords
 *     ({@code secrets/})
 * @param pausedTransactionTimeout on PostgreSQL, how long a transaction may wait for its replica between statements
 *     before the server ends it and frees its locks ({@code idle_in_transaction_session_timeout}): a replica frozen in
 *     the middle of one (a long pause, a stalled machine) would otherwise hold up the others' takeover of its runs and
 *     every audit entry until it woke. The bot's transactions never wait for anything but the database
 */
@ConfigurationProperties("bot.storage")
public record StorageProperties(
        @DefaultValue("./data") Path directory,
        @DefaultValue("60s") Duration pausedTransactionTimeout) {}
