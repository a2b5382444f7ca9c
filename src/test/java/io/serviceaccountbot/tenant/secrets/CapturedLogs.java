package io.serviceaccountbot.tenant.secrets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while it is open, at every level, by the named loggers and their children: message, arguments,
 * key-value pairs, MDC and exceptions with their causes, as one text to search for a value that must never be there.
 */
final class CapturedLogs implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();

    CapturedLogs(String... loggerNames) {
        appender.start();
        root.addAppender(appender);
        for (String name : loggerNames) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
    }

    /** How many events were logged. */
    int count() {
        return appender.list.size();
    }

    /** All of it as one text. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : new ArrayList<>(appender.list)) {
            text.append(event.getLevel())
                    .append(' ')
                    .append(event.getLoggerName())
                    .append(' ')
                    .append(event.getFormattedMessage())
                    .append(' ')
                    .append(event.getMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    text.append(' ').append(argument);
                }
            }
            if (event.getKeyValuePairs() != null) {
                event.getKeyValuePairs()
                        .forEach(pair ->
                                text.append(' ').append(pair.key).append('=').append(pair.value));
            }
            text.append(' ').append(event.getMDCPropertyMap());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        previousLevels.forEach(Logger::setLevel);
    }
}
