package dev.spout.bench.rawnio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.TestKeyStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor over HTTPS: its own SSLEngine per connection, read by the JDK's HTTP client trusting the test key. */
class RawNioPeerTlsTest {
    @Test
    void itStreamsEventsOverTls(@TempDir Path dir) throws Exception {
        Path keyStore = TestKeyStore.create(dir);
        var peer = new RawNioPeer(0, TestKeyStore.serving(keyStore, TestKeyStore.PASSWORD));
        peer.start();
        var http = HttpClient.newBuilder()
                .sslContext(TestKeyStore.trusting(keyStore, TestKeyStore.PASSWORD))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        try { // not closed by try-with-resources: close() would wait for the endless stream to end
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + peer.port() + "/sse"))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.sslSession()).isPresent();
            var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            // Published until the stream has them: the peer starts a subscriber's stream at the next turn's events.
            var done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread.ofPlatform().daemon().start(() -> {
                for (long id = 1; !done.get(); id++) {
                    peer.publish(id, "event " + id + " " + "x".repeat(40_000)); // each turn more than a record
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // 50 events a second
                }
            });
            var seen = CompletableFuture.supplyAsync(() -> {
                try {
                    long last = -1;
                    for (int events = 0; events < 5; ) {
                        String line = lines.readLine();
                        if (line.startsWith("id: ")) {
                            long id = Long.parseLong(line.substring(4));
                            assertThat(last < 0 || id == last + 1).as("ids in order: %d after %d", id, last).isTrue();
                            last = id;
                        } else if (line.startsWith("data: event " + last + " ")) {
                            assertThat(line).hasSize("data: event ".length() + Long.toString(last).length() + 40_001);
                            events++;
                        }
                    }
                    return last;
                } catch (java.io.IOException failed) {
                    throw new java.io.UncheckedIOException(failed);
                }
            });
            try {
                assertThat(seen.get(30, TimeUnit.SECONDS)).isPositive();
            } finally {
                done.set(true);
            }
        } finally {
            http.shutdownNow();
        }
    }

    @Test
    void aKeyStoreWithoutTlsOrAMissingOneIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> TestKeyStore.fromArgs(Args.options(new String[] {"--keystore", "x.p12"})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("go with --tls");
        assertThatThrownBy(() -> TestKeyStore.fromArgs(
                        Args.options(new String[] {"--tls", "--keystore", dir.resolve("none.p12").toString()})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--keystore names no file");
    }
}
