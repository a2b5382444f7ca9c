package io.serviceaccountbot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.teams.LogSafe;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The person behind an activity, named by the directory: the {@code from.name} an activity carries is whatever the
 * sender put there, so the name on a card ("approved by …") and in the audit log is the display name Entra ID holds
 * for the sender's object id. Names found are kept for ten minutes; when the directory cannot be read or has no such
 * user, the person is named by their object id, never by the activity.
 */
@Component
public class DirectoryPeople {

    private static final Logger log = LoggerFactory.getLogger(DirectoryPeople.class);

    private final Directory directory;
    private final Cache<String, String> names = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(10_000)
            .build();

    DirectoryPeople(Directory directory) {
        this.directory = directory;
    }

    /** The caller as a person; requires an object id. */
    public Person of(Caller caller) {
        return new Person(caller.aadObjectId(), nameOf(caller.aadObjectId()));
    }

    /** The caller's directory name, or null when Teams sent no object id or the directory has no name for it. */
    String nameOf(Caller caller) {
        return caller.aadObjectId() == null || caller.aadObjectId().isBlank() ? null : nameOf(caller.aadObjectId());
    }

    private String nameOf(String aadObjectId) {
        String key = aadObjectId.toLowerCase(java.util.Locale.ROOT);
        String known = names.getIfPresent(key);
        if (known != null) {
            return known;
        }
        try {
            Optional<String> found = directory.findUser(aadObjectId).map(DirectoryUser::displayName);
            found.filter(name -> !name.isBlank()).ifPresent(name -> names.put(key, name));
            return found.orElse(null);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not read the display name of {} from the directory: {}",
                    LogSafe.of(aadObjectId),
                    e.getMessage());
            return null;
        }
    }
}
