package dev.spout.bench;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import dev.spout.hub.MercureHub;
import dev.spout.server.Spout;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bench server's {@code --hub} mode: Spout's Mercure hub at {@code /.well-known/mercure} (anonymous subscribers,
 * {@code ?match=t0}), and the built-in publisher posting every update to it over loopback HTTP with a publisher's token,
 * as a backend in any language would: the figures include the HTTP publish, the token check and the per-subscriber
 * filter.
 *
 * <pre>
 * java -jar spout-bench.jar server --hub --port 8080 --rate 100 --size 100
 * </pre>
 */
final class HubBenchServer {
    static final String KEY = "!ChangeThisMercureHubJWTSecretKey!";
    private static final int IN_FLIGHT = 256;

    private HubBenchServer() {}

    static Spout start(Args args) {
        int port = args.integer("port", 8080);
        var app = Spout.create(options -> {
            BrokerChoice.configure(options, args.string("redis", null), port);
            options.maxStreamsPerAddress(Integer.MAX_VALUE); // the load generators' streams come from few addresses
        });
        MercureHub.mount(app, hub -> hub.publisherKey("HS256", KEY).anonymous(true));
        app.start(args.string("host", "127.0.0.1"), port);

        var http = HttpClient.newHttpClient();
        URI hub = URI.create("http://127.0.0.1:" + app.port() + MercureHub.PATH);
        String token = "Bearer " + token();
        var inFlight = new Semaphore(IN_FLIGHT); // a hub that cannot keep up makes the publisher fall behind: latency
        Publisher.start(args, (id, data) -> {
            inFlight.acquireUninterruptibly();
            String form = "topic=t0&data=" + URLEncoder.encode(data, StandardCharsets.UTF_8);
            http.sendAsync(
                            HttpRequest.newBuilder(hub)
                                    .header("Authorization", token)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, failure) -> {
                        inFlight.release();
                        if (failure != null || answer.statusCode() != 200) {
                            System.err.println("hub publish failed: "
                                    + (failure != null ? failure : "status " + answer.statusCode()));
                        }
                    });
        });
        return app;
    }

    /** A Mercure 0.x publisher's token for {@link #KEY}, signed here with the JDK's HMAC (no JWT library needed). */
    static String token() {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString("{\"mercure\":{\"publish\":[\"*\"]}}".getBytes(StandardCharsets.UTF_8));
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return header + "." + claims + "."
                    + encoder.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException noHmac) {
            throw new IllegalStateException(noHmac);
        }
    }
}
