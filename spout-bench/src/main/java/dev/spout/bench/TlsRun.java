package dev.spout.bench;

import dev.spout.bench.common.TestKeyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the TLS scenarios of a run share: one test certificate ({@link TestKeyStore}), made at the first TLS scenario
 * and deleted when the runner exits, which every TLS server serves ({@code --tls --keystore FILE}) and every load
 * generator trusts ({@code --trust FILE}); and what the handshakes agreed, for the report.
 *
 * <pre>{@code
 * peer.command(rate, size, tls.serverFlags(true));          // --tls --keystore /tmp/spout-bench-tls-.../bench.p12
 * Runner.tool(..., "--url", tls.scheme(true) + "://127.0.0.1:" + port + "/sse", ..., tls.loadFlags(true));
 * }</pre>
 */
final class TlsRun {
    private Path keyStore;

    /** The run's key store, made the first time it is asked for. */
    synchronized Path keyStore() {
        if (keyStore == null) {
            try {
                keyStore = TestKeyStore.createTemporary();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
        return keyStore;
    }

    /** What a server's command adds to serve HTTPS: nothing in cleartext. */
    List<String> serverFlags(boolean tls) {
        return tls ? List.of("--tls", "--keystore", keyStore().toString()) : List.of();
    }

    /** What a load generator's command adds to trust the run's certificate: nothing in cleartext. */
    List<String> loadFlags(boolean tls) {
        return tls ? List.of("--trust", keyStore().toString()) : List.of();
    }

    static String scheme(boolean tls) {
        return tls ? "https" : "http";
    }

    /**
     * Notes what a TLS scenario's handshakes agreed (as the load generator said), once per distinct protocol and
     * cipher suite, in the report's notes; nothing for a cleartext load.
     */
    void negotiated(Report report, String scenario, LoadProcess load) throws InterruptedException {
        String agreed = load.negotiated();
        if (agreed == null) {
            return;
        }
        String note = "TLS in " + scenario + ": " + agreed + " (as the load generator's handshakes agreed).";
        synchronized (report) { // the report's own notes: a run resumed later notes each once all the same
            if (!report.notes.contains(note)) {
                report.note(note);
            }
        }
    }
}
