package dev.spout.redis;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what is logged during a test (Spout, Lettuce, Netty: everything that reaches the root logger), to check
 * that a failure of many events is logged as one line, not one per event.
 *
 * <pre>{@code
 * try (var logs = new LogCapture()) {
 *     ...
 *     assertThat(logs.warnings()).hasSizeLessThan(5);
 * }
 * }</pre>
 */
final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** What was logged at WARN or ERROR so far. */
    List<ILoggingEvent> warnings() {
        synchronized (appender) { // AppenderBase appends holding its own lock
            return appender.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .toList();
        }
    }

    /** How many lines so far carried a stack trace. */
    long stackTraces() {
        synchronized (appender) { // AppenderBase appends holding its own lock
            return appender.list.stream()
                    .filter(e -> e.getThrowableProxy() != null)
                    .count();
        }
    }

    /** Every formatted message the named logger logged so far. */
    List<String> messages(String loggerName) {
        synchronized (appender) { // AppenderBase appends holding its own lock
            return appender.list.stream()
                    .filter(e -> e.getLoggerName().equals(loggerName))
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
