package dev.spout.broker.internal.log;

import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Where every Spout module gets its loggers. Spout logs through SLF4J, as its users expect; but with no SLF4J provider
 * on the class path SLF4J drops everything after one warning, so a failing handler's exception would vanish. Then, and
 * only then, Spout logs through the JDK's {@link System.Logger} instead (java.util.logging unless the application
 * routes it elsewhere), which prints warnings and errors to the console. An application that chose silence on purpose
 * (slf4j-nop, or an explicit {@code slf4j.provider}) gets it.
 *
 * <p>SLF4J has no fallback of its own to ask for, which is why this exists.
 */
public final class Logs {
    private static final boolean NO_PROVIDER = noProviderFound();

    static {
        if (NO_PROVIDER) {
            System.getLogger(Logs.class.getName())
                    .log(
                            System.Logger.Level.WARNING,
                            "No SLF4J provider on the class path: Spout logs through java.util.logging instead. Add"
                                    + " one (ch.qos.logback:logback-classic, or org.slf4j:slf4j-simple) to configure"
                                    + " its logging.");
        }
    }

    private Logs() {}

    /** The logger for {@code type}: SLF4J's, or a {@link System.Logger} behind the same interface if SLF4J has none. */
    public static Logger logger(Class<?> type) {
        return NO_PROVIDER ? new SystemLoggerBridge(type.getName()) : LoggerFactory.getLogger(type);
    }

    /** True if Spout's messages go to {@link System.Logger} because SLF4J found no provider. */
    public static boolean fallingBack() {
        return NO_PROVIDER;
    }

    private static boolean noProviderFound() {
        if (!(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory)) {
            return false;
        }
        if (System.getProperty(LoggerFactory.PROVIDER_PROPERTY_KEY) != null) {
            return false;
        }
        ClassLoader loader = LoggerFactory.class.getClassLoader();
        return ServiceLoader.load(SLF4JServiceProvider.class, loader)
                .findFirst()
                .isEmpty();
    }
}
