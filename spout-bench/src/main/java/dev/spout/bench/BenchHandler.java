package dev.spout.bench;

import dev.spout.server.Spout;
import dev.spout.server.stream.EventTooLargeException;
import dev.spout.server.topic.Topic;
import dev.spout.sse.SseEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * In front of the bench server's routes: {@code POST /publish}, and the topic names of {@code GET /sse}, checked
 * here so that an unknown one gets a plain {@code 400} rather than a stream. A body that is not UTF-8 gets {@code
 * 400}; one bigger than the topics take, {@code 413}; both with a plain message.
 */
final class BenchHandler extends Handler.Wrapper {
    private static final int MAX_BODY = 1024 * 1024;
    private static final long DRAIN_AT_MOST = 16L * 1024 * 1024;

    private final Spout app;
    private final BenchTopics topics;

    BenchHandler(Spout app, BenchTopics topics, Handler next) {
        super(next);
        this.app = app;
        this.topics = topics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if ("/sse".equals(path)) {
            List<String> names = topicNames(request);
            if (!topics.allKnown(names)) {
                Response.writeError(
                        request, response, callback, 400, unknown(names).getMessage());
                return true;
            }
            return super.handle(request, response, callback);
        }
        if (!"/publish".equals(path)) {
            return super.handle(request, response, callback);
        }
        if (!"POST".equals(request.getMethod())) {
            Response.writeError(request, response, callback, 405);
            return true;
        }
        List<Topic> to;
        try {
            to = topics.named(topicNames(request));
        } catch (BenchTopics.UnknownTopicException noSuchTopic) {
            Response.writeError(request, response, callback, 400, noSuchTopic.getMessage());
            return true;
        }
        String body = body(request, response, callback);
        if (body == null) {
            return true;
        }
        String id;
        try {
            id = app.publish(SseEvent.of(body), to);
        } catch (EventTooLargeException tooLarge) {
            Response.writeError(request, response, callback, 413, tooLarge.getMessage());
            return true;
        } catch (IllegalArgumentException bad) {
            Response.writeError(request, response, callback, 400, bad.getMessage());
            return true;
        } catch (RuntimeException brokerDown) { // Redis unreachable: the publish failed, and says so
            Response.writeError(request, response, callback, 503, "Publishing failed: " + brokerDown.getMessage());
            return true;
        }
        response.getHeaders().put("Content-Type", "text/plain;charset=utf-8");
        Content.Sink.write(response, true, id, callback);
        return true;
    }

    private static List<String> topicNames(Request request) {
        Fields query = Request.extractQueryParameters(request);
        List<String> names = query.getValues("topic");
        return names == null ? List.of() : names;
    }

    private BenchTopics.UnknownTopicException unknown(List<String> names) {
        try {
            topics.named(names);
        } catch (BenchTopics.UnknownTopicException found) {
            return found;
        }
        throw new IllegalStateException("every topic is known");
    }

    /**
     * Answers 413. A body of a declared size not far over the bound is read to its end first: a client still
     * sending it when the connection closed would see the connection reset and never read the answer. A bigger
     * one is not worth reading, and the connection closes.
     */
    private static void tooLarge(Request request, Response response, Callback callback, long declared) {
        String message = "The body is larger than " + MAX_BODY + " bytes";
        if (declared > DRAIN_AT_MOST) {
            Response.writeError(request, response, callback, 413, message);
            return;
        }
        Content.Source.consumeAll(
                request,
                Callback.from(
                        () -> Response.writeError(request, response, callback, 413, message),
                        failed -> Response.writeError(request, response, callback, 413, message)));
    }

    /** The body as UTF-8 text, or null once the request has been answered (too big, not UTF-8). */
    private static String body(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        if (declared > MAX_BODY) {
            tooLarge(request, response, callback, declared);
            return null;
        }
        byte[] bytes;
        try {
            bytes = Content.Source.asByteArrayAsync(request, MAX_BODY).get();
        } catch (java.util.concurrent.ExecutionException tooBig) {
            Response.writeError(request, response, callback, 413, "The body is larger than " + MAX_BODY + " bytes");
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            Response.writeError(request, response, callback, 400, "The body is not valid UTF-8");
            return null;
        }
    }
}
