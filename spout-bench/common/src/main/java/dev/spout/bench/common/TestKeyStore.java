package dev.spout.bench.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The benchmark's test certificate: a self-signed EC (P-256) key pair for {@code localhost} and {@code 127.0.0.1} in a
 * PKCS#12 key store, made by the JDK's own {@code keytool}, and the SSL contexts that serve it and trust it.
 *
 * <p>It is made by the run, never kept in the repository: a private key committed anywhere is one somebody ends up
 * trusting, and a certificate made minutes ago (valid two days) never expires in the middle of a benchmark. The runner
 * makes one per run and hands it to every server ({@code --tls --keystore FILE}) and load generator ({@code --trust
 * FILE}): keytool takes about a second, and {@code fanout-max} starts a server for each step. A server started with
 * {@code --tls} alone makes its own in a temporary directory and prints where it is, so that a client can trust it.
 *
 * <pre>{@code
 * Path keyStore = TestKeyStore.create(dir);                                    // dir/bench.p12
 * SSLContext server = TestKeyStore.serving(keyStore, TestKeyStore.PASSWORD);
 * SSLContext client = TestKeyStore.trusting(keyStore, TestKeyStore.PASSWORD);  // trusts that one certificate
 * }</pre>
 */
public final class TestKeyStore {
    /** The password of the key stores made here (a test certificate's: it guards nothing). */
    public static final String PASSWORD = "spout-bench";

    private TestKeyStore() {}

    /** Makes {@code dir/bench.p12}: a new key pair and its self-signed certificate, by {@code keytool}. */
    public static Path create(Path dir) throws IOException {
        Path keyStore = dir.resolve("bench.p12");
        Files.deleteIfExists(keyStore);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "bench",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(keyStore)) {
                process.destroyForcibly();
                throw new IOException("keytool could not make the test certificate: " + output.strip());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while keytool made the test certificate", interrupted);
        }
        return keyStore;
    }

    /** Makes a key store in a new temporary directory, deleted when the process exits. */
    public static Path createTemporary() throws IOException {
        Path dir = Files.createTempDirectory("spout-bench-tls-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        return create(dir);
    }

    /**
     * The key store a server's {@code --tls} asks for: {@code --keystore FILE} (its password {@code
     * --keystore-password}, default {@link #PASSWORD}), or one made now and announced on the standard error; null
     * without {@code --tls}.
     */
    public static Path fromArgs(Args args) {
        String given = args.string("keystore", null);
        if (!args.flag("tls")) {
            if (given != null || args.options().containsKey("keystore-password")) {
                throw new IllegalArgumentException("--keystore and --keystore-password go with --tls");
            }
            return null;
        }
        if (given != null) {
            Path keyStore = Path.of(given);
            if (!Files.isRegularFile(keyStore)) {
                throw new IllegalArgumentException("--keystore names no file: " + given);
            }
            return keyStore;
        }
        try {
            Path keyStore = createTemporary();
            System.err.println("tls: serving a new test certificate; clients trust it with --trust " + keyStore);
            return keyStore;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The password {@code --keystore-password} gives, else {@link #PASSWORD}. */
    public static String password(Args args) {
        return args.string("keystore-password", PASSWORD);
    }

    /** A server's context: the key and certificate of a PKCS#12 key store. */
    public static SSLContext serving(Path keyStore, String password) {
        try {
            var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, password), password.toCharArray());
            var context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException failed) {
            throw new IllegalArgumentException("Cannot serve the key store " + keyStore + ": " + failed, failed);
        }
    }

    /**
     * A client's context that trusts one certificate and nothing else: a PKCS#12 key store's (the server's own key
     * store: its certificate is trusted, its key never used) or an X.509 certificate's, PEM or DER.
     */
    public static SSLContext trusting(Path file, String password) {
        try {
            KeyStore trusted;
            byte[] bytes = Files.readAllBytes(file);
            if (new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII).contains("-----BEGIN")
                    || file.toString().endsWith(".crt")
                    || file.toString().endsWith(".cer")) {
                trusted = KeyStore.getInstance(KeyStore.getDefaultType());
                trusted.load(null, null);
                try (InputStream in = Files.newInputStream(file)) {
                    trusted.setCertificateEntry(
                            "bench", CertificateFactory.getInstance("X.509").generateCertificate(in));
                }
            } else {
                trusted = load(file, password);
            }
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException failed) {
            throw new IllegalArgumentException(
                    "--trust takes a PKCS#12 key store or an X.509 certificate, cannot read " + file + ": " + failed,
                    failed);
        }
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        var store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it up in the end
        }
    }
}
