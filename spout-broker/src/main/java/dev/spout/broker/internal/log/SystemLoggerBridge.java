package dev.spout.broker.internal.log;

import java.io.Serial;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that writes to the JDK's {@link System.Logger} of the same name (see {@link Logs}). */
final class SystemLoggerBridge extends LegacyAbstractLogger {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient System.Logger target;

    SystemLoggerBridge(String name) {
        this.name = name;
        this.target = System.getLogger(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return target.isLoggable(System.Logger.Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return target.isLoggable(System.Logger.Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return target.isLoggable(System.Logger.Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return target.isLoggable(System.Logger.Level.WARNING);
    }

    @Override
    public boolean isErrorEnabled() {
        return target.isLoggable(System.Logger.Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return SystemLoggerBridge.class.getName();
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
        System.Logger.Level to = switch (level) {
            case ERROR -> System.Logger.Level.ERROR;
            case WARN -> System.Logger.Level.WARNING;
            case INFO -> System.Logger.Level.INFO;
            case DEBUG -> System.Logger.Level.DEBUG;
            case TRACE -> System.Logger.Level.TRACE;
        };
        String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
        if (throwable == null) {
            target.log(to, message);
        } else {
            target.log(to, message, throwable);
        }
    }
}
