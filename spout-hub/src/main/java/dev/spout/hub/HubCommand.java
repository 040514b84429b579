package dev.spout.hub;

import dev.spout.redis.RedisBroker;
import dev.spout.server.Spout;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The hub on its own: {@code java -jar spout-hub/target/spout-hub.jar}, configured as the reference hub is (its
 * environment variables for the keys) and by flags. Prints a line with {@code ready} once it listens.
 *
 * <pre>
 * MERCURE_PUBLISHER_JWT_KEY='!ChangeThisMercureHubJWTSecretKey!' \
 * MERCURE_SUBSCRIBER_JWT_KEY='!ChangeThisMercureHubJWTSecretKey!' \
 * java -jar spout-hub/target/spout-hub.jar --port 3000 --cors-origins https://app.example.com
 * </pre>
 */
@Command(
        name = "spout-hub",
        mixinStandardHelpOptions = true,
        description = {
            "A Mercure hub: publish with POST, subscribe with EventSource at /.well-known/mercure; a page to try it"
                    + " at /, health at /healthz, Prometheus metrics at /metrics.",
            "Keys from the environment: MERCURE_PUBLISHER_JWT_KEY (needed), MERCURE_SUBSCRIBER_JWT_KEY (needed unless"
                    + " --anonymous), and their algorithms MERCURE_PUBLISHER_JWT_ALG, MERCURE_SUBSCRIBER_JWT_ALG"
                    + " (default HS256; RS256, ES256... take a PEM public key); or an identity provider's keys,"
                    + " MERCURE_PUBLISHER_JWKS_URL, MERCURE_SUBSCRIBER_JWKS_URL (a JWK Set, with its _JWT_ALG)."
        })
public final class HubCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:PORT:-3000}", description = "Port (PORT; 3000).")
    int port;

    @Option(names = "--host", paramLabel = "H", description = "The interface to listen on (default every one).")
    String host;

    @Option(names = "--anonymous", description = "Admit subscribers without a token, to public updates.")
    boolean anonymous;

    @Option(
            names = "--subscriptions",
            description = "Announce subscribers: Mercure's subscription events and API (this node's subscriptions).")
    boolean subscriptions;

    @Option(
            names = "--redis",
            paramLabel = "URI",
            defaultValue = "${env:REDIS_URL}",
            description =
                    "Share updates with other hub nodes through Redis (REDIS_URL), such as redis://127.0.0.1:6379.")
    String redis;

    @Option(
            names = "--cors-origins",
            paramLabel = "LIST",
            defaultValue = "${env:MERCURE_CORS_ORIGINS}",
            description = "Origins whose pages may publish and subscribe with credentials, comma- or space-separated.")
    String corsOrigins;

    @Option(
            names = "--history",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Updates kept for subscribers that reconnect (10000).")
    int history;

    @Override
    public Integer call() {
        String publisherKey = variable("MERCURE_PUBLISHER_JWT_KEY");
        String publisherJwks = variable("MERCURE_PUBLISHER_JWKS_URL");
        String subscriberKey = variable("MERCURE_SUBSCRIBER_JWT_KEY");
        String subscriberJwks = variable("MERCURE_SUBSCRIBER_JWKS_URL");
        if (publisherKey == null && publisherJwks == null) {
            System.err.println("spout-hub: set MERCURE_PUBLISHER_JWT_KEY, the key publishers' tokens are signed with"
                    + " (or MERCURE_PUBLISHER_JWKS_URL)");
            return 2;
        }
        if (subscriberKey == null && subscriberJwks == null && !anonymous) {
            System.err.println("spout-hub: set MERCURE_SUBSCRIBER_JWT_KEY (subscribers' tokens; or"
                    + " MERCURE_SUBSCRIBER_JWKS_URL), or --anonymous");
            return 2;
        }
        List<String> origins = corsOrigins == null || corsOrigins.isBlank()
                ? List.of()
                : Arrays.stream(corsOrigins.trim().split("[,\\s]+")).toList();
        Spout app;
        MercureHub hub;
        try {
            app = Spout.create(options -> {
                if (!origins.isEmpty()) {
                    options.cors(origins, true);
                }
                if (redis != null && !redis.isBlank()) {
                    options.broker(RedisBroker.create(redis.trim()));
                }
            });
            hub = MercureHub.mount(app, options -> {
                String publisherAlgorithm = algorithm("MERCURE_PUBLISHER_JWT_ALG");
                if (publisherKey != null) {
                    options.publisherKey(publisherAlgorithm, publisherKey);
                } else {
                    options.publisherJwks(publisherAlgorithm, java.net.URI.create(publisherJwks));
                }
                String subscriberAlgorithm = algorithm("MERCURE_SUBSCRIBER_JWT_ALG");
                if (subscriberKey != null) {
                    options.subscriberKey(subscriberAlgorithm, subscriberKey);
                } else if (subscriberJwks != null) {
                    options.subscriberJwks(subscriberAlgorithm, java.net.URI.create(subscriberJwks));
                }
                options.anonymous(anonymous)
                        .subscriptions(subscriptions)
                        .history(history, java.time.Duration.ofHours(1));
            });
        } catch (IllegalArgumentException bad) {
            System.err.println("spout-hub: " + bad.getMessage());
            return 2;
        }
        MercureHub.debugPage(app, "/");
        HubEndpoints.mount(app);
        if (hub.weakSecret()) {
            System.err.println("spout-hub: warning: a JWT secret is shorter than its algorithm's hash (32 bytes for"
                    + " HS256); it is accepted, as the reference hub accepts it, but easier to guess");
        }
        try {
            app.start(host, port);
        } catch (IllegalStateException failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.BindException) {
                    System.err.println("spout-hub: port " + port + " is in use: choose another with --port N");
                    return 1;
                }
            }
            throw failed;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "spout-hub-stop"));
        System.out.println(
                "spout-hub ready: http://" + (host == null ? "127.0.0.1" : host) + ":" + app.port() + MercureHub.PATH);
        return 0; // the server's threads keep the process serving after main returns
    }

    private static @org.jspecify.annotations.Nullable String variable(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String algorithm(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? "HS256" : value.trim();
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) { // the command's logging, not a library's
            System.setProperty("logback.configurationFile", "spout-hub-logback.xml");
        }
        int status = new CommandLine(new HubCommand()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }
}
