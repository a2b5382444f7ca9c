package io.serviceaccountbot.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the sandbox keeps its state.
 *
 * @param directory where the sandbox keeps its state, readable by its owner only: the embedded database (the H2 file
 *     {@code bot.mv.db}, unless {@code spring.datasource.url} is set), the simulated tenant ({@code
 *     sandbox-tenant-<flavour>.json}) and, unless {@code bot.secrets.directory} is set, the generated passwords
 *     ({@code secrets/})
 */
@ConfigurationProperties("bot.storage")
public record StorageProperties(@DefaultValue("./data") Path directory) {}
