package io.serviceaccountbot.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the sandbox keeps its state.
 *
 * @param directory where the sandbox keeps its embedded database (the H2 file {@code bot.mv.db}) when {@code
 *     spring.datasource.url} is not set; ignored when it is
 */
@ConfigurationProperties("bot.storage")
public record StorageProperties(@DefaultValue("./data") Path directory) {}
