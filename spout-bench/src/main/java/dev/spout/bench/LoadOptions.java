package dev.spout.bench;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.TestKeyStore;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The load generators' options that take more than a number: where connections come from ({@code --bind}, {@code
 * --sources}) and which certificate {@code https://} URLs are trusted by ({@code --trust}), each refused with its
 * reason when it cannot be used.
 */
final class LoadOptions {
    private LoadOptions() {}

    /**
     * The context {@code https://} URLs are trusted by: {@code --trust FILE}, the server's test key store ({@code
     * --trust-password}, default {@link TestKeyStore#PASSWORD}) or its certificate; null without it. Refused when no
     * URL is {@code https://}, or the file is not there.
     */
    static SSLContext trust(Args args, List<URI> urls) {
        String file = args.string("trust", null);
        if (file == null) {
            if (args.options().containsKey("trust-password")) {
                throw new IllegalArgumentException("--trust-password goes with --trust");
            }
            return null;
        }
        if (urls.stream().noneMatch(url -> "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("--trust is for https:// URLs; every --url is cleartext");
        }
        if (!Files.isRegularFile(Path.of(file))) {
            throw new IllegalArgumentException("--trust names no file: " + file);
        }
        return TestKeyStore.trusting(Path.of(file), args.string("trust-password", TestKeyStore.PASSWORD));
    }

    /** The source addresses: {@code --bind}'s, else {@code --sources k}'s 127.0.0.1 … 127.0.0.k (one: unbound). */
    static List<InetAddress> sources(Args args) throws UnknownHostException {
        String bind = args.string("bind", null);
        if (bind != null && args.options().containsKey("sources")) {
            throw new IllegalArgumentException("Give --bind or --sources, not both");
        }
        List<InetAddress> sources = new ArrayList<>();
        if (bind != null) {
            for (String address : bind.split(",")) {
                if (!address.strip().matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) { // a literal: no name looked up
                    throw new IllegalArgumentException("--bind takes IP addresses, got " + address);
                }
                sources.add(InetAddress.getByName(address.strip()));
            }
            return sources;
        }
        int count = args.integer("sources", 1);
        if (count < 1 || count > 254) {
            throw new IllegalArgumentException("--sources takes 1 to 254, got " + count);
        }
        for (int i = 1; count > 1 && i <= count; i++) {
            sources.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
        }
        return sources;
    }
}
