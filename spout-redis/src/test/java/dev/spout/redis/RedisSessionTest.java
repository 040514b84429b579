package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.auth.Authorizer;
import dev.spout.server.Spout;
import dev.spout.server.http.HttpResponse;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import io.lettuce.core.RedisClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions in a real Redis, shared by two nodes: a user signed in on one is signed in on the other, after it dies. */
class RedisSessionTest {
    record Theme(String name, int size) {}

    RedisServer redis;
    final List<Spout> nodes = new ArrayList<>();
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (Spout node : nodes) {
            node.close();
        }
        client.close();
        redis.close();
    }

    Spout node(Duration idle) {
        var node = Spout.create(options -> options.sessions(RedisSessionStore.connect(redis.uri(), idle, idle)));
        node.post("/login", request -> {
            request.signIn(request.formParameter("user").orElseThrow());
            return HttpResponse.text("signed in");
        });
        node.get(
                "/me",
                Authorizer.requireUser(),
                request -> HttpResponse.text(request.user().orElseThrow()));
        node.post("/theme", request -> {
            request.session().orElseThrow().put("theme", new Theme("dark", 3));
            return HttpResponse.noContent();
        });
        node.get(
                "/theme",
                request -> HttpResponse.json(request.session()
                        .flatMap(session -> session.get("theme", Theme.class))
                        .orElse(null)));
        node.post("/logout", request -> {
            request.signOut();
            return HttpResponse.noContent();
        });
        node.sse("/events", Authorizer.requireUser(), sse -> {
            sse.send("hello " + sse.request().user().orElseThrow());
            Thread.sleep(60_000);
        });
        node.start("127.0.0.1", 0);
        nodes.add(node);
        return node;
    }

    Spout node() {
        return node(Duration.ofHours(8));
    }

    /** Signs ann in on the node; returns the session cookie, as a browser would keep it. */
    String signIn(Spout node) throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(node.uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("user=ann"))
                        .build(),
                BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    java.net.http.HttpResponse<String> get(Spout node, String path, String cookie) throws Exception {
        return client.send(
                HttpRequest.newBuilder(node.uri(path)).header("Cookie", cookie).build(), BodyHandlers.ofString());
    }

    java.net.http.HttpResponse<String> post(Spout node, String path, String cookie) throws Exception {
        return client.send(
                HttpRequest.newBuilder(node.uri(path))
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                BodyHandlers.ofString());
    }

    @Test
    void signedInOnNodeAStillSignedInOnNodeBAfterNodeADies() throws Exception {
        Spout a = node();
        Spout b = node();
        String cookie = signIn(a);
        assertThat(get(a, "/me", cookie).body()).isEqualTo("ann");

        a.close(); // node A dies; the proxy sends the browser to B
        nodes.remove(a);

        var me = get(b, "/me", cookie);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("ann");
        try (var stream = SseTestClient.open(b.uri("/events"), Map.of("Cookie", cookie))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(Duration.ofSeconds(10)).data()).isEqualTo("hello ann");
        }
    }

    @Test
    void withoutTheSharedStoreNodeBWouldNotKnowTheUser() throws Exception {
        Spout a = node();
        var alone = Spout.create(); // sessions in its own memory
        alone.get(
                "/me",
                Authorizer.requireUser(),
                request -> HttpResponse.text(request.user().orElseThrow()));
        alone.start("127.0.0.1", 0);
        nodes.add(alone);
        String cookie = signIn(a);
        assertThat(get(alone, "/me", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void attributesWrittenOnOneNodeAreReadOnAnotherAsTheirType() throws Exception {
        Spout a = node();
        Spout b = node();
        String cookie = signIn(a);
        assertThat(post(a, "/theme", cookie).statusCode()).isEqualTo(204);
        assertThat(get(b, "/theme", cookie).body()).isEqualTo("{\"name\":\"dark\",\"size\":3}");
    }

    @Test
    void signingOutOnOneNodeSignsOutEverywhere() throws Exception {
        Spout a = node();
        Spout b = node();
        String cookie = signIn(a);
        assertThat(post(b, "/logout", cookie).statusCode()).isEqualTo(204);
        assertThat(get(a, "/me", cookie).statusCode()).isEqualTo(401);
        assertThat(get(b, "/me", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void aForgedOrUnknownSessionIsNoSession() throws Exception {
        Spout a = node();
        assertThat(get(a, "/me", "SPOUT_SESSION=" + "A".repeat(43)).statusCode())
                .isEqualTo(401);
        assertThat(get(a, "/me", "SPOUT_SESSION=../../etc").statusCode()).isEqualTo(401);
    }

    @Test
    void eachRequestStartsTheIdleTimeAgainAndAnIdleSessionIsForgotten() throws Exception {
        Spout a = node(Duration.ofSeconds(2));
        String cookie = signIn(a);
        String key = RedisSessionStore.PREFIX + cookie.substring(cookie.indexOf('=') + 1);
        RedisClient redisClient = RedisClient.create(redis.uri());
        try (var connection = redisClient.connect()) {
            var commands = connection.sync();
            commands.pexpire(key, 50_000); // as if set long ago: a request must set it back to the idle time
            assertThat(get(a, "/me", cookie).statusCode()).isEqualTo(200);
            assertThat(commands.pttl(key)).isBetween(1L, 2_000L);

            Await.until("Redis forgets the idle session", () -> commands.exists(key) == 0, Duration.ofSeconds(10));
            assertThat(get(a, "/me", cookie).statusCode()).isEqualTo(401);
        } finally {
            redisClient.shutdown();
        }
    }

    @Test
    void aRequestWhoseSessionRedisCannotTellFailsRatherThanPassingAsAnonymous() throws Exception {
        Spout a = node();
        String cookie = signIn(a);
        redis.stop();
        var me = get(a, "/me", cookie);
        assertThat(me.statusCode()).isEqualTo(500);
        redis.restart();
        Await.until(
                "Redis answers again",
                () -> {
                    try {
                        return get(a, "/me", cookie).statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                },
                Duration.ofSeconds(30));
    }

    @Test
    void anonymousSessionsAreCappedInRedisAndSignedInOnesSurviveAFlood() throws Exception {
        var node = Spout.create(options -> options.sessions(
                RedisSessionStore.connect(redis.uri(), Duration.ofHours(8), Duration.ofMinutes(30), 50)));
        nodes.add(node);
        node.post("/login", request -> {
            request.signIn("ann");
            return HttpResponse.text("signed in");
        });
        node.post("/visit", request -> {
            request.startSession(); // an anonymous visitor's session, as a page with ajax starts one
            return HttpResponse.noContent();
        });
        node.get(
                "/me",
                Authorizer.requireUser(),
                request -> HttpResponse.text(request.user().orElseThrow()));
        node.start("127.0.0.1", 0);
        String ann = signIn(node);
        String firstVisitor = null;
        for (int i = 0; i < 200; i++) {
            var visit = client.send(
                    HttpRequest.newBuilder(node.uri("/visit"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    BodyHandlers.discarding());
            firstVisitor = firstVisitor != null
                    ? firstVisitor
                    : visit.headers().firstValue("Set-Cookie").orElseThrow();
        }
        RedisClient redisClient = RedisClient.create(redis.uri());
        try (var connection = redisClient.connect()) {
            var commands = connection.sync();
            assertThat(commands.keys(RedisSessionStore.PREFIX + "*"))
                    .as("50 anonymous and ann's")
                    .hasSize(51);
            assertThat(commands.zcard(RedisSessionStore.ANONYMOUS)).isEqualTo(50);
            String oldest = firstVisitor.substring(firstVisitor.indexOf('=') + 1, firstVisitor.indexOf(';'));
            assertThat(commands.exists(RedisSessionStore.PREFIX + oldest))
                    .as("the least recently used went")
                    .isZero();
        } finally {
            redisClient.shutdown();
        }
        assertThat(get(node, "/me", ann).body()).isEqualTo("ann");
    }

    @Test
    void aRequestWithManySessionCookiesCostsOneLookUp() throws Exception {
        Spout a = node();
        String cookie = signIn(a);
        RedisClient redisClient = RedisClient.create(redis.uri());
        try (var connection = redisClient.connect()) {
            var commands = connection.sync();
            long before = scriptCalls(commands.info("commandstats"));
            var many = new StringBuilder();
            for (int i = 0; i < 130; i++) {
                many.append("SPOUT_SESSION=").append(String.format("%043d", i)).append("; ");
            }
            assertThat(get(a, "/me", many + cookie).statusCode())
                    .as("only the first is looked at")
                    .isEqualTo(401);
            assertThat(scriptCalls(commands.info("commandstats")) - before).isEqualTo(1);
            assertThat(get(a, "/me", cookie).statusCode()).isEqualTo(200);
        } finally {
            redisClient.shutdown();
        }
    }

    /** How many scripts Redis has run (the session store's lookups are scripts). */
    static long scriptCalls(String commandStats) {
        var calls =
                java.util.regex.Pattern.compile("cmdstat_evalsha:calls=(\\d+)").matcher(commandStats);
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }

    @Test
    void anAttributeNeverBringsBackASessionThatExpiredMeanwhile() {
        try (var store = RedisSessionStore.connect(redis.uri())) {
            String id = store.create("ann").id();
            var session = store.find(id).orElseThrow();
            store.invalidate(id); // as if it expired between the request's find and its put
            session.put("theme", new Theme("dark", 3));
            assertThat(store.find(id)).isEmpty();
        }
    }

    @Test
    void theStoreIsClosedWithTheApplication() {
        var store = RedisSessionStore.connect(redis.uri());
        var app = Spout.create(options -> options.sessions(store));
        app.start("127.0.0.1", 0);
        assertThat(store.find(store.create(null).id())).isPresent(); // connected
        RedisClient redisClient = RedisClient.create(redis.uri());
        try (var connection = redisClient.connect()) {
            assertThat(connection.sync().clientList()).contains("name=spout-sessions");
            app.close();
            Await.until(
                    "the store's connection is gone",
                    () -> !connection.sync().clientList().contains("name=spout-sessions"),
                    Duration.ofSeconds(10));
        } finally {
            redisClient.shutdown();
        }
    }
}
