package dev.spout.server.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body up to a bound. A body over the bound is refused; a declared one is first read to its end (up
 * to {@link #DRAIN_AT_MOST}) so the client, still sending, sees the answer rather than a reset connection.
 */
public final class RequestBody {
    /** How much of a refused body is read and thrown away so its sender gets the 413. */
    public static final long DRAIN_AT_MOST = 16L * 1024 * 1024;

    private RequestBody() {}

    /** Thrown for a body longer than the bound. */
    public static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("The body is larger than " + limit + " bytes");
        }
    }

    /** Thrown for a body that is not text in its charset. */
    public static final class NotText extends Exception {
        private static final long serialVersionUID = 1L;

        NotText(Charset charset, Throwable cause) {
            super("The body is not valid " + charset.name() + " text", cause);
        }
    }

    /** The body as text in {@code charset}; bytes that are not text in it are refused, never replaced. */
    public static String text(byte[] body, Charset charset) throws NotText {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException notText) {
            throw new NotText(charset, notText);
        }
    }

    /** Whether a body could not be read because it did not arrive in time ({@link RequestBodyDeadline}). */
    public static boolean timedOut(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The whole body, at most {@code limit} bytes. */
    public static byte[] read(Request request, int limit) throws IOException, TooLarge {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > limit) {
                drain(in, Math.min(declared, DRAIN_AT_MOST));
                throw new TooLarge(limit);
            }
            byte[] body = in.readNBytes(limit);
            if (in.read() != -1) {
                drain(in, DRAIN_AT_MOST);
                throw new TooLarge(limit);
            }
            return body;
        }
    }

    private static void drain(InputStream in, long atMost) throws IOException {
        byte[] sink = new byte[8192];
        long left = atMost;
        int read;
        while (left > 0 && (read = in.read(sink, 0, (int) Math.min(sink.length, left))) != -1) {
            left -= read;
        }
    }
}
