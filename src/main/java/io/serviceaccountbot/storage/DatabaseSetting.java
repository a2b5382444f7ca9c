package io.serviceaccountbot.storage;

import io.serviceaccountbot.identity.RequiredSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The database production needs: {@code spring.datasource.url}, a PostgreSQL JDBC URL (credentials in {@code
 * spring.datasource.username} and {@code spring.datasource.password}, or in the URL). In sandbox mode it defaults to
 * the embedded file ({@link SandboxDatabase}).
 *
 * @param url the configured JDBC URL, or null
 */
record DatabaseSetting(String url) implements RequiredSettings {

    @Override
    public List<String> missingForProduction() {
        if (url == null || url.isBlank()) {
            return List.of("spring.datasource.url (the PostgreSQL database that keeps requests, conversations and the"
                    + " audit log, e.g. jdbc:postgresql://db.example.com:5432/bot, with spring.datasource.username"
                    + " and spring.datasource.password)");
        }
        return List.of();
    }

    /** The embedded H2 database's file name without H2's suffixes, or null when the database is not an H2 file. */
    Path embeddedFile() {
        if (url == null || !url.startsWith(H2_FILE)) {
            return null;
        }
        return Path.of(url.substring(H2_FILE.length()).split(";", 2)[0]);
    }

    private static final String H2_FILE = "jdbc:h2:file:";

    boolean isPostgreSql() {
        return url != null && url.startsWith("jdbc:postgresql:");
    }
}
