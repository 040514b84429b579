package dev.spout.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.server.Spout;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Datastar's own SDK test cases (the data in {@code src/test/resources/datastar-sdk-tests}, see its README), run as
 * the suite's runner runs them against the demo's {@code /datastar/test}: {@code GET} with the case in the
 * {@code datastar} query parameter, {@code POST} with it as the JSON body, both with {@code Accept:
 * text/event-stream} and {@code datastar-request: true}; the answer read to its end and compared event by event.
 * Every {@code GET} case also runs through a handler's stream, to show the events are the same when a handler sends
 * them.
 */
class DatastarSdkCasesTest {
    private static final Path CASES = Path.of("src/test/resources/datastar-sdk-tests");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Spout demo;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        demo = Demo.create(null);
        demo.sse("/handler-test", sse -> {
            for (var event : DatastarSdkTest.events(
                    sse.request().queryParameter("datastar").orElseThrow())) {
                sse.send(event);
            }
        });
        demo.start("127.0.0.1", 0);
        http = HttpClient.newBuilder().connectTimeout(WAIT).build();
    }

    @AfterAll
    static void stop() {
        http.close();
        demo.close();
    }

    static Stream<String> getCases() throws IOException {
        return cases("get");
    }

    static Stream<String> postCases() throws IOException {
        return cases("post");
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("getCases")
    void getCase(String name) throws Exception {
        String input = Files.readString(CASES.resolve("get").resolve(name).resolve("input.json"));
        var answer = send(request("/datastar/test?datastar=" + URLEncoder.encode(input, UTF_8))
                .GET());
        assertAnswer(name, answer, expected("get", name));
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("postCases")
    void postCase(String name) throws Exception {
        String input = Files.readString(CASES.resolve("post").resolve(name).resolve("input.json"));
        var answer = send(request("/datastar/test")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(input)));
        assertAnswer(name, answer, expected("post", name));
    }

    @ParameterizedTest(name = "a handler's stream: {0}")
    @MethodSource("getCases")
    void handlerStreamCase(String name) throws Exception {
        String input = Files.readString(CASES.resolve("get").resolve(name).resolve("input.json"));
        var answer = send(request("/handler-test?datastar=" + URLEncoder.encode(input, UTF_8))
                .GET());
        assertAnswer(name, answer, expected("get", name));
    }

    @Test
    void everyCaseOfTheSuiteIsHere() throws IOException {
        assertThat(cases("get")).hasSize(19).contains("sendTwoEvents", "patchSignalsWithMultilineJson");
        assertThat(cases("post")).containsExactly("readSignalsFromBody");
    }

    @Test
    void aRequestThatIsNotATestCaseIsABadRequestThatSaysWhy() throws Exception {
        var notJson = send(request("/datastar/test").POST(HttpRequest.BodyPublishers.ofString("{\"events\": [")));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not JSON");
        var unknown = send(request("/datastar/test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\": [{\"type\": \"mergeFragments\"}]}")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Unknown event type \"mergeFragments\"");
        var forged = send(
                request("/datastar/test")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"events\": [{\"type\": \"patchElements\", \"selector\": \"#a\\nelements <p>\", \"mode\": \"remove\"}]}")));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("selector must be one line");
        assertThat(send(request("/datastar/test").GET()).statusCode()).isEqualTo(400);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + path))
                .timeout(WAIT)
                .header("Accept", "text/event-stream")
                .header("datastar-request", "true");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private static void assertAnswer(String name, HttpResponse<String> answer, String expected) {
        assertThat(answer.statusCode()).as(name + ": " + answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(events(answer.body())).as(name + "\n" + answer.body()).isEqualTo(events(expected));
    }

    private static String expected(String kind, String name) throws IOException {
        return Files.readString(CASES.resolve(kind).resolve(name).resolve("output.txt"));
    }

    private static Stream<String> cases(String kind) throws IOException {
        try (var folders = Files.list(CASES.resolve(kind))) {
            return folders.map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    /**
     * The stream read as the suite's runner reads it: events split by blank lines, each a map from field name to
     * its values in order (values trimmed), and the {@code data} lines grouped by their first word. A comment line
     * would be a field with an empty name, which the runner reports as unexpected: so would this.
     */
    static List<Map<String, List<String>>> events(String stream) {
        var events = new ArrayList<Map<String, List<String>>>();
        Map<String, List<String>> current = null;
        for (String line : stream.split("\n", -1)) {
            if (line.isEmpty()) {
                if (current != null) {
                    events.add(current);
                    current = null;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            if (current == null) {
                current = new LinkedHashMap<>();
            }
            String field = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (field.equals("data")) {
                int space = value.indexOf(' ');
                field = "data " + (space < 0 ? value : value.substring(0, space));
                value = space < 0 ? "" : value.substring(space + 1);
            }
            current.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
        }
        if (current != null) {
            events.add(current);
        }
        return events.stream().map(Map::copyOf).toList();
    }

    @Test
    void theComparisonItselfTellsDifferentStreamsApart() {
        String one = "event: datastar-patch-elements\ndata: mode remove\ndata: selector #a\n\n";
        assertThat(events(one))
                .isEqualTo(events("event: datastar-patch-elements\ndata: selector #a\ndata: mode remove\n"));
        assertThat(events(one)).isNotEqualTo(events(one + ": keep-alive\n\n"));
        assertThat(events(one)).isNotEqualTo(events(one.replace("#a", "#b")));
        assertThat(events("data: elements a\ndata: elements b\n\n"))
                .isNotEqualTo(events("data: elements b\ndata: elements a\n\n"));
    }
}
