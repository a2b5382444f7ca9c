/**
 * Where the bot's state lives: one relational database, reached through Spring's {@code JdbcClient} by a repository
 * in each owning module, its schema created and migrated forward by Flyway at start
 * ({@code src/main/resources/db/migration}; the same scripts run on PostgreSQL 15+ and on H2 in PostgreSQL mode).
 *
 * <p>This module only chooses the database. In sandbox mode, when no {@code spring.datasource.url} is given, it is an
 * embedded H2 file under {@code bot.storage.directory}, so a restarted sandbox keeps its requests, cards and
 * conversations. In production {@code spring.datasource.url} (PostgreSQL) is required, and start-up names it when it is
 * missing.
 */
package io.serviceaccountbot.storage;
