package dev.spout.server;

import java.lang.management.ManagementFactory;

/** The default connection limit: what the process may open, less a reserve for everything else it opens. */
final class ConnectionBudget {
    static final int RESERVE = 500;
    static final int WITHOUT_A_LIMIT = 100_000;

    private ConnectionBudget() {}

    static int defaultMaxConnections() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long files = unix.getMaxFileDescriptorCount();
            if (files > RESERVE * 2L) {
                return (int) Math.min(files - RESERVE, Integer.MAX_VALUE);
            }
        }
        return WITHOUT_A_LIMIT; // not a Unix (or no file limit it can tell): a bound all the same
    }
}
