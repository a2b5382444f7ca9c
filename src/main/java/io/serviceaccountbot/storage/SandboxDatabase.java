package io.serviceaccountbot.storage;

import io.serviceaccountbot.identity.RuntimeMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In sandbox mode, unless {@code spring.datasource.url} is given, the bot keeps its state in an embedded H2 database
 * in PostgreSQL mode, in a file under {@code bot.storage.directory}, so a restarted sandbox remembers its requests and
 * conversations. Production gets no default: it must name its PostgreSQL ({@link DatabaseSetting}).
 */
class SandboxDatabase implements EnvironmentPostProcessor {

    static final String URL = "spring.datasource.url";

    /**
     * H2 behaving like PostgreSQL as far as the schema and the repositories' SQL can tell: unquoted names in lower
     * case, nulls sorted last in ascending order.
     */
    static final String H2_POSTGRESQL_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** The file name of the sandbox database, without H2's {@code .mv.db}. */
    static final String FILE_NAME = "bot";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (RuntimeMode.of(environment).isSandbox() && !environment.containsProperty(URL)) {
            StorageProperties storage = Binder.get(environment).bindOrCreate("bot.storage", StorageProperties.class);
            createOwnerOnly(storage.directory());
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("sandboxDatabase", Map.of(URL, fileUrl(storage.directory()))));
        }
    }

    /** A new storage directory is its owner's only; H2 would otherwise create it as the process's umask says. */
    private static void createOwnerOnly(Path directory) {
        try {
            OwnerOnlyFiles.createDirectories(directory);
        } catch (IOException e) {
            // H2 reports the directory it cannot use, in its own words
        }
    }

    static String fileUrl(Path directory) {
        Path file = directory.resolve(FILE_NAME).toAbsolutePath().normalize();
        return "jdbc:h2:file:" + file + H2_POSTGRESQL_MODE;
    }
}
