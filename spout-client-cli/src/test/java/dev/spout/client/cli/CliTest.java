package dev.spout.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.spout.client.ScriptedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command-line tool's contract: what goes to stdout, and the exit codes. */
class CliTest {
    final ScriptedServer server = new ScriptedServer();
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    CliTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    int run(String... args) {
        return Cli.execute(
                args,
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonPrintsOneObjectPerEventAndNothingElse() {
        server.then((request, exchange) -> exchange.stream()
                .write(
                        ": heartbeat\nretry: 10\nevent: price\nid: 7\ndata: a \"quoted\"\ndata: \u00E9\u2603\n\ndata: next\n\n")
                .end());

        assertThat(run("--json", "--no-reconnect", server.uri("/s").toString())).isZero();
        assertThat(out())
                .isEqualTo("{\"type\":\"price\",\"data\":\"a \\\"quoted\\\"\\n\\u00E9\\u2603\",\"lastEventId\":\"7\"}\n"
                        + "{\"type\":\"message\",\"data\":\"next\",\"lastEventId\":\"7\"}\n");
    }

    @Test
    void maxEventsExitsZeroAfterThatMany() throws Exception {
        server.then((request, exchange) -> {
            exchange.stream().write("data: 1\n\ndata: 2\n\ndata: 3\n\n");
            exchange.holdUntilClientCloses(java.time.Duration.ofSeconds(10));
        });

        assertThat(run("--json", "--max-events", "2", server.uri("/s").toString()))
                .isZero();
        assertThat(out().lines()).hasSize(2);
    }

    @Test
    void sendsHeadersMethodBodyAndLastEventId() throws Exception {
        server.then(
                (request, exchange) -> exchange.stream().write("data: ok\n\n").end());

        assertThat(run(
                        "--no-reconnect",
                        "-H",
                        "X-Token: abc",
                        "-X",
                        "PUT",
                        "-d",
                        "{\"q\":1}",
                        "--last-event-id",
                        "9",
                        server.uri("/s").toString()))
                .isZero();
        var request = server.request(java.time.Duration.ofSeconds(5));
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.body()).isEqualTo("{\"q\":1}");
        assertThat(request.header("X-Token")).isEqualTo("abc");
        assertThat(request.header("Last-Event-ID")).isEqualTo("9");
        assertThat(out()).isEqualTo("event: message\nid: 9\ndata: ok\n\n");
    }

    @Test
    void aDataOptionAloneMeansPost() {
        assertThat(Cli.parse(new String[] {"-d", "x", "http://h/s"}).method()).isEqualTo("POST");
        assertThat(Cli.parse(new String[] {"http://h/s"}).method()).isEqualTo("GET");
    }

    @Test
    void aStreamThatFailsForGoodExitsNonZero() {
        server.then((request, exchange) -> exchange.respond(204).drop());
        assertThat(run("--json", server.uri("/s").toString())).isEqualTo(1);
        assertThat(out()).isEmpty();
    }

    @Test
    void usageErrorsAreReported() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cli.parse(new String[] {}))
                .withMessageContaining("URL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cli.parse(new String[] {"--max-events", "x", "http://h"}));
        assertThatIllegalArgumentException().isThrownBy(() -> Cli.parse(new String[] {"-H", "novalue", "http://h"}));
        assertThatIllegalArgumentException().isThrownBy(() -> Cli.parse(new String[] {"--bogus", "http://h"}));
    }

    @Test
    void helpListsEveryOptionAndExitsZeroWithoutConnecting() {
        assertThat(run("--help")).isZero();
        assertThat(out())
                .startsWith("Usage: spout-client")
                .contains("--json", "--max-events", "--no-reconnect", "--header", "--request", "--data")
                .contains("--last-event-id", "--read-timeout", "--retry-server-errors", "--max-event-size", "URL")
                .contains("Exit status");
        assertThat(run("-h")).isZero();
        assertThat(run("--version")).isZero();
        assertThat(out()).contains("spout-client ");
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatSaysWhich() {
        assertThat(run("--bogus", "http://127.0.0.1:1/s")).isEqualTo(2);
        assertThat(err()).contains("spout-client: Unknown option: '--bogus'").contains("--help");
        assertThat(out()).isEmpty();
        assertThat(run("ftp://host/s")).isEqualTo(2);
        assertThat(err()).contains("http:// or https://");
    }

    @Test
    void nothingListeningIsSaidInWordsWithHostAndPort() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: nothing listens there now
        }
        assertThat(run("--no-reconnect", "http://127.0.0.1:" + port + "/s")).isEqualTo(1);
        assertThat(err())
                .contains("spout-client: connection refused by 127.0.0.1:" + port + " (is the server running?)")
                .doesNotContain("null");
    }

    @Test
    void aNameThatDoesNotResolveIsAnUnknownHostNotARefusal() {
        // The JDK's client reports an unresolved name so: a ConnectException caused by UnresolvedAddressException
        // (built here rather than looked up, so that the test asks no DNS server).
        var unresolved = new java.net.ConnectException();
        unresolved.initCause(new java.nio.channels.UnresolvedAddressException());
        var url = java.net.URI.create("http://no-such-host.invalid:8080/s");
        assertThat(Failures.describe(unresolved, url))
                .isEqualTo("unknown host no-such-host.invalid (is the name right?)");
        assertThat(Failures.describe(new java.net.UnknownHostException("x"), url))
                .isEqualTo("unknown host no-such-host.invalid (is the name right?)");
        assertThat(Failures.describe(new java.net.ConnectException(), url))
                .isEqualTo("connection refused by no-such-host.invalid:8080 (is the server running?)");
    }

    @Test
    void whileReconnectingEachFailureIsSaidInWords() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var options = Cli.parse(new String[] {"http://127.0.0.1:" + port + "/s"});
        var errors = new java.io.ByteArrayOutputStream();
        Thread tool =
                Thread.ofVirtual().start(() -> Cli.run(options, new PrintStream(stdout), new PrintStream(errors)));
        dev.spout.testkit.Await.until(
                "a reconnect is reported",
                () -> errors.toString(StandardCharsets.UTF_8).contains("reconnecting in"));
        tool.interrupt();
        tool.join(java.time.Duration.ofSeconds(10));
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .startsWith("spout-client: connection refused by 127.0.0.1:" + port + " (is the server running?);"
                        + " reconnecting in ");
    }

    @Test
    void anEventOverTheSizeBoundExitsNonZero() throws Exception {
        server.then((request, exchange) -> {
            exchange.stream().write("data: " + "x".repeat(2048) + "\n\n");
            exchange.holdUntilClientCloses(java.time.Duration.ofSeconds(10));
        });
        assertThat(run("--json", "--max-event-size", "1024", server.uri("/s").toString()))
                .isEqualTo(1);
        assertThat(out()).isEmpty();
    }
}
