package dev.spout.server.internal.endpoint;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.HttpStatusException;
import dev.spout.engine.auth.Access;
import dev.spout.engine.auth.Authorizer;
import dev.spout.server.http.HttpHandler;
import dev.spout.server.http.HttpResponse;
import dev.spout.server.internal.auth.JettyClientRequest;
import dev.spout.server.internal.auth.Sessions;
import dev.spout.server.internal.http.FormBody;
import dev.spout.server.internal.http.PlainRefusal;
import dev.spout.server.internal.http.RequestBody;
import dev.spout.server.internal.http.SameOrigin;
import dev.spout.server.internal.http.UrlEncodedForm;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * One path of plain endpoints, a handler per method (a GET one answers HEAD too), or a stream on GET and plain
 * handlers for the other methods (a Mercure hub subscribes and publishes at one URL); any other method gets {@code 405}
 * with {@code Allow}. In order, before the handler runs: the method; for a method that may change something, a
 * browser's cross-origin request refused ({@code 403}, the same rule as pages' forms; a service that sends no
 * {@code Origin} passes); the authorizer ({@code 401}/{@code 403}); the body, read up to the bound ({@code 413}).
 */
public final class HttpEndpoint implements Request.Handler {
    private static final Logger LOG = Logs.logger(HttpEndpoint.class);

    private record Binding(Authorizer authorizer, HttpHandler handler) {}

    private final String path;
    private final Map<String, Binding> byMethod = new ConcurrentHashMap<>();
    private final Sessions sessions;
    private final List<String> corsOrigins;
    private final FormBody bodies;
    private volatile Request.@Nullable Handler streamOnGet;

    public HttpEndpoint(String path, Sessions sessions, List<String> corsOrigins, FormBody bodies) {
        this.path = path;
        this.sessions = sessions;
        this.corsOrigins = List.copyOf(corsOrigins);
        this.bodies = bodies;
    }

    /**
     * Adds the handler for the method.
     *
     * @throws IllegalStateException if the path already answers that method
     */
    public synchronized void add(String method, Authorizer authorizer, HttpHandler handler) {
        if ((streamOnGet != null && ("GET".equals(method) || "HEAD".equals(method)))
                || byMethod.putIfAbsent(method, new Binding(authorizer, handler)) != null) {
            throw new IllegalStateException(path + " already answers " + method);
        }
    }

    /**
     * A GET (and HEAD) of the path is the stream's, which answers it whole.
     *
     * @throws IllegalStateException if the path already answers GET
     */
    public synchronized void streamOnGet(Request.Handler stream) {
        if (streamOnGet != null || byMethod.containsKey("GET") || byMethod.containsKey("HEAD")) {
            throw new IllegalStateException(path + " already answers GET");
        }
        streamOnGet = stream;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        Request.Handler stream = streamOnGet;
        if (stream != null && ("GET".equals(method) || "HEAD".equals(method))) {
            return stream.handle(request, response, callback);
        }
        Binding binding = byMethod.get(method);
        boolean head = false;
        if (binding == null && "HEAD".equals(method)) {
            binding = byMethod.get("GET");
            head = true;
        }
        if (binding == null) {
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed()));
            PlainRefusal.send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
            String crossOrigin = SameOrigin.refusal(request, corsOrigins);
            if (crossOrigin != null) {
                PlainRefusal.send(response, callback, HttpStatus.FORBIDDEN_403, crossOrigin);
                return true;
            }
        }
        Access access;
        try {
            access = binding.authorizer()
                    .check(new JettyClientRequest(request, response, sessions, UrlEncodedForm.EMPTY));
        } catch (Exception failure) {
            LOG.error("The authorizer of {} {} failed", method, path, failure);
            PlainRefusal.send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500);
            return true;
        }
        if (access != Access.ALLOW) {
            PlainRefusal.send(response, callback, access.status());
            return true;
        }
        byte[] body;
        try {
            body = RequestBody.read(request, bodies.maxBytes());
        } catch (RequestBody.TooLarge tooLarge) {
            PlainRefusal.send(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge.getMessage());
            return true;
        } catch (IOException broken) { // the client went away mid-body, sent a broken chunk, or took too long
            LOG.debug("The body of {} {} could not be read", method, path, broken);
            if (RequestBody.timedOut(broken)) {
                PlainRefusal.send(
                        response, callback, HttpStatus.REQUEST_TIMEOUT_408, "The body did not arrive in time");
            } else {
                PlainRefusal.send(response, callback, HttpStatus.BAD_REQUEST_400, "The body cannot be read");
            }
            return true;
        }
        HttpResponse answer;
        try {
            answer = binding.handler()
                    .handle(JettyHttpRequest.of(request, response, sessions, body, bodies.maxFields()));
        } catch (HttpStatusException refused) {
            LOG.debug("{} {} answered {}: {}", method, path, refused.status(), refused.getMessage());
            refused.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            PlainRefusal.send(response, callback, refused.status(), refused.getMessage());
            return true;
        } catch (Exception failure) {
            LOG.error("The handler of {} {} failed", method, path, failure);
            PlainRefusal.send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500);
            return true;
        }
        if (answer == null) {
            LOG.error("The handler of {} {} returned null instead of an HttpResponse", method, path);
            PlainRefusal.send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500);
            return true;
        }
        write(answer, head, response, callback);
        return true;
    }

    private static void write(HttpResponse answer, boolean head, Response response, Callback callback) {
        response.setStatus(answer.status());
        for (HttpResponse.Header header : answer.headers()) {
            response.getHeaders().add(header.name(), header.value());
        }
        answer.contentType().ifPresent(type -> response.getHeaders().put(HttpHeader.CONTENT_TYPE, type));
        var body = answer.body();
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
        if (head || !body.hasRemaining()) {
            response.write(true, null, callback);
        } else {
            response.write(true, body, callback);
        }
    }

    private TreeSet<String> allowed() {
        var methods = new TreeSet<>(byMethod.keySet());
        if (streamOnGet != null) {
            methods.add("GET");
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return methods;
    }
}
