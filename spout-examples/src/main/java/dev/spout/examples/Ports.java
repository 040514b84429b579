package dev.spout.examples;

/** The port an example listens on: {@code --port N}, else the {@code PORT} environment variable, else 8080. */
final class Ports {
    static final int DEFAULT = 8080;

    private Ports() {}

    static int fromArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                return parse(args[i + 1], "--port");
            }
            if (args[i].startsWith("--port=")) {
                return parse(args[i].substring("--port=".length()), "--port");
            }
        }
        String env = System.getenv("PORT");
        return env == null || env.isBlank() ? DEFAULT : parse(env.trim(), "PORT");
    }

    /** {@code --redis URI}, else the {@code REDIS_URL} environment variable, else none (topics stay in memory). */
    static String redisFromArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--redis") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--redis=")) {
                return args[i].substring("--redis=".length());
            }
        }
        String env = System.getenv("REDIS_URL");
        return env == null || env.isBlank() ? null : env.trim();
    }

    private static int parse(String value, String source) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    source + " must be a port number from 0 to 65535, got \"" + value + "\"");
        }
    }
}
