package dev.spout.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.TestKeyStore;
import dev.spout.server.Spout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS end to end: the bench server with {@code --tls} (HTTP/1.1 and h2 by ALPN), read by both load generators
 * trusting the run's test certificate; and every TLS option refused, with a reason, where it does not belong.
 */
class TlsLoadTest {
    @TempDir
    static Path dir;

    static Path keyStore;
    private Spout app;

    @BeforeAll
    static void makeTheTestCertificate() throws Exception {
        keyStore = TestKeyStore.create(dir);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private URI startTls() {
        app = BenchServer.start(Args.options(
                new String[] {"--port", "0", "--rate", "200", "--tls", "--keystore", keyStore.toString()}));
        assertThat(app.uri().getScheme()).isEqualTo("https");
        return URI.create("https://127.0.0.1:" + app.port() + "/sse");
    }

    @Test
    void theNioGeneratorReadsEveryEventOverTlsWithAnSslEnginePerConnection() throws Exception {
        URI url = startTls();
        var generator = new LoadGenerator(
                List.of(url), 4, 2, List.of(), 0, 0, TestKeyStore.trusting(keyStore, TestKeyStore.PASSWORD));

        var result = generator.run(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(30));

        assertThat(result.connected()).isEqualTo(4);
        assertThat(result.errors()).isZero();
        assertThat(result.gaps()).isZero();
        assertThat(result.deliveries()).isPositive();
        assertThat(generator.negotiated()).startsWith("TLSv1.3 TLS_");
    }

    @Test
    void theHttp2GeneratorNegotiatesH2ByAlpnAndReadsEveryStream() throws Exception {
        URI url = startTls();

        var run = Http2Load.runAndClose(Args.options(new String[] {
            "--url", url.toString(),
            "--trust", keyStore.toString(),
            "--connections", "2",
            "--streams", "3",
            "--warmup", "0s",
            "--duration", "2s"
        }));

        assertThat(run.getKey().connected()).isEqualTo(6);
        assertThat(run.getKey().errors()).isZero();
        assertThat(run.getKey().deliveries()).isPositive();
        assertThat(run.getValue()).startsWith("TLSv1.3 TLS_").endsWith(" h2");
    }

    @Test
    void withTlsAloneTheServerMakesItsOwnCertificateAndSaysWhereItIs() {
        var err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            app = BenchServer.start(Args.options(new String[] {"--port", "0", "--rate", "0", "--tls"}));
        } finally {
            System.setErr(saved);
        }
        assertThat(app.uri().getScheme()).isEqualTo("https");
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(said).contains("--trust ");
        Path made = Path.of(said.substring(said.indexOf("--trust ") + 8).strip());
        assertThat(made).isRegularFile();
    }

    @Test
    void theGeneratorsRefuseHttpsWithoutTrustAndTrustWithoutHttps() {
        Path missing = dir.resolve("missing.p12");
        List<URI> https = List.of(URI.create("https://127.0.0.1:1/sse"));
        List<URI> http = List.of(URI.create("http://127.0.0.1:1/sse"));
        assertThatThrownBy(() -> new LoadGenerator(https, 1, 1, List.of(), 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs --trust FILE");
        assertThatThrownBy(() -> new LoadGenerator(List.of(URI.create("ftp://127.0.0.1/x")), 1, 1, List.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--url takes http:// or https://");
        assertThatThrownBy(() -> LoadOptions.trust(args("--trust", keyStore.toString()), http))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--trust is for https:// URLs");
        assertThatThrownBy(() -> LoadOptions.trust(args("--trust", missing.toString()), https))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--trust names no file");
        assertThatThrownBy(() -> LoadOptions.trust(args("--trust-password", "x"), https))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--trust-password goes with --trust");
        assertThatThrownBy(() ->
                        LoadOptions.trust(args("--trust", dir.resolve("..").toString()), https))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--trust names no file");
        assertThatThrownBy(() -> Http2Load.tls(args(), https.getFirst()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs --trust FILE");
        assertThatThrownBy(() -> Http2Load.tls(args(), URI.create("ws://127.0.0.1:1/sse")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--url takes an http:// or https://");
        assertThatThrownBy(() -> Http2Load.tls(args("--trust", keyStore.toString()), http.getFirst()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--trust is for https:// URLs");
    }

    @Test
    void aFileThatIsNoKeyStoreNorCertificateIsRefusedWithTheReason() throws Exception {
        Path junk = java.nio.file.Files.writeString(dir.resolve("junk.p12"), "not a key store");
        assertThatThrownBy(() -> LoadOptions.trust(
                        args("--trust", junk.toString()), List.of(URI.create("https://127.0.0.1:1/sse"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--trust takes a PKCS#12 key store or an X.509 certificate");
    }

    @Test
    void theServerRefusesAKeyStoreWithoutTlsAMissingOneAndTlsForTheHub() {
        assertThatThrownBy(() -> BenchServer.start(args("--port", "0", "--keystore", keyStore.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("go with --tls");
        assertThatThrownBy(() -> BenchServer.start(args("--port", "0", "--keystore-password", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("go with --tls");
        assertThatThrownBy(() -> BenchServer.start(args(
                        "--port",
                        "0",
                        "--tls",
                        "--keystore",
                        dir.resolve("none.p12").toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--keystore names no file");
        assertThatThrownBy(() -> BenchServer.main(args("--port", "0", "--tls", "--hub")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not --hub");
        assertThat(Main.execute("server", "--tls", "--hub", "--port", "0")).isEqualTo(2);
    }

    private static Args args(String... options) {
        return Args.options(options);
    }
}
