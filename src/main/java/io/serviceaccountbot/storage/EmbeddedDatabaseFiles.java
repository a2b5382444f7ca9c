package io.serviceaccountbot.storage;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;

/**
 * The sandbox's embedded database holds requests, conversations and the audit log: once H2 has created its files
 * (with the process's umask, often readable by everyone), they are made readable by their owner only.
 */
class EmbeddedDatabaseFiles {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseFiles.class);

    private final Path file;

    /** @param file the database's file name without H2's suffixes; null when there is no embedded file */
    EmbeddedDatabaseFiles(Path file) {
        this.file = file;
    }

    @EventListener(ApplicationStartedEvent.class)
    void restrict() {
        if (file == null) {
            return;
        }
        for (String suffix : new String[] {".mv.db", ".trace.db"}) {
            Path path = file.resolveSibling(file.getFileName() + suffix);
            try {
                OwnerOnlyFiles.restrict(path);
            } catch (IOException e) {
                log.warn("Could not make {} readable by its owner only: {}", path, e.getMessage());
            }
        }
    }
}
