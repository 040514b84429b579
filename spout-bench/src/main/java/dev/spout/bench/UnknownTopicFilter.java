package dev.spout.bench;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * In front of the bench server's routes: the topic names of {@code GET /sse}, checked here so that an unknown one gets
 * a plain {@code 400} rather than a refused subscription (a subscription handler can refuse only with 401 or 403).
 */
final class UnknownTopicFilter extends Handler.Wrapper {
    private final BenchTopics topics;

    UnknownTopicFilter(BenchTopics topics, Handler next) {
        super(next);
        this.topics = topics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if ("/sse".equals(Request.getPathInContext(request))) {
            try {
                topics.named(topicNames(request));
            } catch (BenchTopics.UnknownTopicException unknown) {
                Response.writeError(request, response, callback, 400, unknown.getMessage());
                return true;
            }
        }
        return super.handle(request, response, callback);
    }

    static List<String> topicNames(Request request) {
        Fields query = Request.extractQueryParameters(request);
        List<String> names = query.getValues("topic");
        return names == null ? List.of() : names;
    }
}
