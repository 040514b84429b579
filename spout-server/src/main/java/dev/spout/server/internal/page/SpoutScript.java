package dev.spout.server.internal.page;

import dev.spout.server.internal.http.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves {@code spout.js}, the small dependency-free script behind ajax bindings and live pages. Its URL carries a
 * hash of its contents, so browsers may cache it for good.
 */
public final class SpoutScript implements Request.Handler {
    public static final String PATH = "/_spout/spout.js";
    private static final byte[] SCRIPT = load();
    static final String URL = PATH + "?v=" + hash(SCRIPT);
    private static final Set<String> METHODS = Set.of("GET", "HEAD");

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Methods.allowed(METHODS, request, response, callback)) {
            return true;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/javascript;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=31536000, immutable");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, SCRIPT.length);
        response.write(true, "HEAD".equals(request.getMethod()) ? null : ByteBuffer.wrap(SCRIPT), callback);
        return true;
    }

    private static byte[] load() {
        try (InputStream in = SpoutScript.class.getResourceAsStream("spout.js")) {
            if (in == null) {
                throw new IllegalStateException("spout.js is missing from the spout-server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
