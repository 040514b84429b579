package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.engine.HttpStatusException;
import dev.spout.engine.auth.Access;
import dev.spout.engine.auth.Authorizer;
import dev.spout.server.http.HttpResponse;
import dev.spout.server.page.PageOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain endpoints over a real server and the JDK's HTTP client: methods, bodies, answers, refusals. */
class HttpEndpointTest {
    record Note(String title, int stars) {}

    private final AtomicInteger handled = new AtomicInteger();
    private Spout app;
    private HttpClient client;

    @BeforeEach
    void start() {
        app = Spout.create(options -> options.maxRequestBody(1000));
        app.get("/notes/{id}", request -> {
            handled.incrementAndGet();
            return HttpResponse.json(
                    new Note("note " + request.pathParameter("id").orElseThrow(), 3));
        });
        app.post("/notes/{id}", request -> {
            handled.incrementAndGet();
            Note note = request.json(Note.class);
            return HttpResponse.json(Map.of("saved", note.title(), "stars", note.stars()))
                    .withStatus(201)
                    .withHeader(
                            "Location", "/notes/" + request.pathParameter("id").orElseThrow());
        });
        app.route("PUT", "/text", request -> {
            handled.incrementAndGet();
            return HttpResponse.text("got " + request.text().length() + " chars: " + request.text());
        });
        app.post(
                "/form",
                request -> HttpResponse.text(
                        "hello " + request.formParameter("name").orElse("?")));
        app.post("/members", Authorizer.requireUser(), request -> {
            handled.incrementAndGet();
            return HttpResponse.noContent();
        });
        app.route("DELETE", "/forbidden", request -> Access.FORBIDDEN, request -> {
            handled.incrementAndGet();
            return HttpResponse.noContent();
        });
        app.get("/fails", request -> {
            throw new IllegalStateException("an endpoint's own failure");
        });
        app.get("/teapot", request -> {
            throw new HttpStatusException(418, "short and stout");
        });
        app.get("/null", request -> null);
        app.under("/api").get("/ping", request -> HttpResponse.text("pong"));
        app.start("127.0.0.1", 0);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        app.close();
    }

    private java.net.http.HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(app.uri(path));
    }

    @Test
    void getAnswersJsonWithThePathParameter() throws Exception {
        var response = send(to("/notes/7"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"title\":\"note 7\",\"stars\":3}");
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutABody() throws Exception {
        var response = send(to("/notes/7").method("HEAD", BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("28");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void postBindsAJsonBodyAndAnswersWithStatusAndHeaders() throws Exception {
        var response = send(to("/notes/9")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"title\":\"Spout\",\"stars\":5}")));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/notes/9");
        assertThat(response.body()).contains("\"saved\":\"Spout\"").contains("\"stars\":5");
    }

    @Test
    void aBodyThatIsNotJsonOfTheTypeIsA400WithTheReason() throws Exception {
        var response = send(
                to("/notes/9").header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"title\":")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The body is not JSON of a Note");
    }

    @Test
    void aJsonEndpointRefusesAnotherContentTypeWith415() throws Exception {
        var response = send(to("/notes/9")
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("{\"title\":\"x\",\"stars\":1}")));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("Expected a JSON body");
    }

    @Test
    void textIsDecodedAsUtf8AndBytesThatAreNotAre400() throws Exception {
        var ok = send(to("/text").PUT(BodyPublishers.ofString("é ✓", StandardCharsets.UTF_8)));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(ok.body()).isEqualTo("got 3 chars: é ✓");
        var bad = send(to("/text").PUT(BodyPublishers.ofByteArray(new byte[] {(byte) 0xC3, (byte) 0x28})));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("The body is not valid UTF-8 text");
    }

    @Test
    void aFormBodysFieldsAreFormParameters() throws Exception {
        var response = send(to("/form")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("name=Ann+Lee&x=1")));
        assertThat(response.body()).isEqualTo("hello Ann Lee");
        var malformed = send(to("/form")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("name=%zz")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).startsWith("The form is malformed");
        // What curl -d sends: text labelled as a form. Read as text, it is text.
        var text = send(to("/text")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(BodyPublishers.ofString("100% done")));
        assertThat(text.body()).isEqualTo("got 9 chars: 100% done");
    }

    @Test
    void aBodyOverTheBoundIs413AndNeverReachesTheHandler() throws Exception {
        var response = send(to("/text").PUT(BodyPublishers.ofString("x".repeat(1001))));
        assertThat(response.statusCode()).isEqualTo(413);
        var chunked = send(to("/text")
                .PUT(BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream("y".repeat(5000).getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(handled).hasValue(0);
        // A chunked body that fits arrives whole, though the JDK's client asks to upgrade to h2c on that request.
        var chunkedSmall = send(to("/text")
                .PUT(BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream("z".repeat(900).getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunkedSmall.body()).isEqualTo("got 900 chars: " + "z".repeat(900));
        assertThat(handled).hasValue(1);
        assertThat(send(to("/text").PUT(BodyPublishers.ofString("x".repeat(1000))))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aMethodThePathDoesNotAnswerIs405WithAllow() throws Exception {
        var response = send(to("/notes/1").DELETE());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
        assertThat(response.body()).isEqualTo("Method Not Allowed\n");
    }

    @Test
    void theAuthorizerDecidesBeforeTheBodyIsRead() throws Exception {
        var anonymous = send(to("/members").POST(BodyPublishers.ofString("x".repeat(5000))));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        var forbidden = send(to("/forbidden").DELETE());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(handled).hasValue(0);
    }

    @Test
    void aBrowsersCrossOriginPostIsRefusedAndAServiceWithoutOriginIsNot() throws Exception {
        var crossSite = send(to("/form")
                .header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("name=x")));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        var sameOrigin = send(to("/form")
                .header("Origin", "http://127.0.0.1:" + app.port())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("name=me")));
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        assertThat(send(to("/form").POST(BodyPublishers.ofString(""))).body()).isEqualTo("hello ?");
    }

    @Test
    void aFailingHandlerIs500AndLoggedOnceWithMethodAndPath() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            assertThat(send(to("/fails")).statusCode()).isEqualTo(500);
            assertThat(logs.errors()).singleElement().satisfies(event -> {
                assertThat(event.getFormattedMessage()).isEqualTo("The handler of GET /fails failed");
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("an endpoint's own failure");
            });
            assertThat(send(to("/null")).statusCode()).isEqualTo(500);
            assertThat(logs.errors()).hasSize(2);
        }
    }

    @Test
    void anHttpStatusExceptionAnswersItsStatusAndReason() throws Exception {
        var response = send(to("/teapot"));
        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.body()).contains("short and stout");
    }

    @Test
    void routesBelowAPrefixCarryIt() throws Exception {
        assertThat(send(to("/api/ping")).body()).isEqualTo("pong");
        assertThat(send(to("/ping")).statusCode()).isEqualTo(404);
    }

    @Test
    void definitionMistakesAreRefusedWhenMade() {
        assertThatThrownBy(() -> app.get("/notes/{id}", request -> HttpResponse.noContent()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already answers GET");
        app.page("/page", PageOptions.defaults(), page -> dev.spout.html.Html.text("x"));
        assertThatThrownBy(() -> app.post("/page", request -> HttpResponse.noContent()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Something other than a plain endpoint");
        assertThatThrownBy(() -> app.route("get", "/x", request -> HttpResponse.noContent()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void responsesRefuseHeaderInjectionAndHeadersThatFollowFromTheBody() {
        assertThatThrownBy(() -> HttpResponse.text("x").withHeader("X-A", "1\r\nSet-Cookie: a=b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpResponse.text("x").withHeader("Bad Name", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpResponse.text("x").withHeader("Content-Type", "text/html"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpResponse.status(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpStatusException(200, "ok")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEndpointIsRealHttpForAnyClient() throws IOException {
        try (var socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write("GET /api/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200 OK").endsWith("\r\n\r\npong");
        }
        assertThat(URI.create(app.uri().toString())).isNotNull();
    }
}
