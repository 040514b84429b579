package dev.spout.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The load generators' commands, {@code load} (HTTP/1.1 on plain NIO) and {@code load-h2}, declared for picocli. */
final class LoadCommands {
    private LoadCommands() {}

    @Command(
            name = "load",
            mixinStandardHelpOptions = true,
            description = "The NIO load generator: opens streams, reads every event, prints one JSON line of results.")
    static final class Load extends BenchCommands.Given {
        @Option(names = "--url", paramLabel = "URL[,URL...]", description = "Stream URLs, spread over.")
        String url;

        @Option(names = "--connections", paramLabel = "N", description = "Streams to open (default 1000).")
        int connections;

        @Option(names = "--threads", paramLabel = "N", description = "Selector threads (default 2).")
        int threads;

        @Option(names = "--sources", paramLabel = "N", description = "Source addresses 127.0.0.1...N (default 1).")
        int sources;

        @Option(names = "--bind", paramLabel = "ADDR[,ADDR...]", description = "Source addresses, in turn.")
        String bind;

        @Option(names = "--topics", paramLabel = "N", description = "Spread the streams over ?topic=t0...")
        int topics;

        @Option(names = "--topic-offset", paramLabel = "K", description = "The first stream's topic: tK (default 0).")
        int topicOffset;

        @Option(names = "--warmup", paramLabel = "DURATION", description = "Before measuring (default 5s).")
        String warmup;

        @Option(names = "--duration", paramLabel = "DURATION", description = "Measuring (default 20s).")
        String duration;

        @Option(names = "--connect-timeout", paramLabel = "DURATION", description = "To open them all (default 60s).")
        String connectTimeout;

        @Option(names = "--ramp", paramLabel = "DURATION", description = "Open them evenly over this (default 0s).")
        String ramp;

        @Option(
                names = "--trust",
                paramLabel = "FILE",
                description = "For https:// URLs: the one certificate to trust, the server's test key store (PKCS#12)"
                        + " or its certificate (PEM or DER).")
        String trust;

        @Option(
                names = "--trust-password",
                paramLabel = "PW",
                description = "--trust's key store password (default spout-bench).")
        String trustPassword;

        @Option(
                names = "--hold",
                paramLabel = "DURATION",
                description = "Keep them open this long after measuring, for the server to be sampled (default 0s).")
        String hold;

        @Override
        public Integer call() throws Exception {
            LoadGenerator.main(args());
            return 0;
        }
    }

    @Command(
            name = "load-h2",
            mixinStandardHelpOptions = true,
            description = "Streams over HTTP/2 (h2c, or h2 by ALPN for https://), many per connection, beyond the"
                    + " file limit.")
    static final class LoadH2 extends BenchCommands.Given {
        @Option(names = "--url", paramLabel = "URL", description = "The stream URL.")
        String url;

        @Option(
                names = "--trust",
                paramLabel = "FILE",
                description = "For an https:// URL: the one certificate to trust, the server's test key store or its"
                        + " certificate.")
        String trust;

        @Option(
                names = "--trust-password",
                paramLabel = "PW",
                description = "--trust's key store password (default spout-bench).")
        String trustPassword;

        @Option(names = "--connections", paramLabel = "N", description = "HTTP/2 connections (default 10).")
        int connections;

        @Option(names = "--streams", paramLabel = "N", description = "Streams in all (default 1000).")
        int streams;

        @Option(names = "--warmup", paramLabel = "DURATION", description = "Before measuring (default 5s).")
        String warmup;

        @Option(names = "--duration", paramLabel = "DURATION", description = "Measuring (default 20s).")
        String duration;

        @Option(names = "--connect-timeout", paramLabel = "DURATION", description = "To open them all (default 120s).")
        String connectTimeout;

        @Override
        public Integer call() throws Exception {
            Http2Load.main(args());
            return 0;
        }
    }
}
