package dev.spout.server.internal.page;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.HttpStatusException;
import dev.spout.server.auth.Session;
import dev.spout.server.auth.SpoutRequest;
import dev.spout.server.internal.auth.JettyClientRequest;
import dev.spout.server.internal.auth.Sessions;
import dev.spout.server.internal.http.FormBody;
import dev.spout.server.internal.http.Methods;
import dev.spout.server.internal.http.PlainRefusal;
import dev.spout.server.internal.http.SameOrigin;
import dev.spout.server.page.AjaxHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;

/**
 * Serves one ajax path, for the one method it was declared with (POST unless a binding says otherwise; a GET
 * endpoint also answers HEAD): any other method gets {@code 405} with {@code Allow}. Unless the application turned
 * it off, every call that may change something (any method but GET and HEAD) must pass the CSRF checks before its
 * handler runs: an {@code Origin}, when the browser sends one, must be this server's own (or a CORS-allowed one),
 * and the {@code X-Spout-CSRF} header must carry the session's token. A call that fails either gets {@code 403}
 * and never reaches the handler.
 */
public final class AjaxEndpoint implements Request.Handler {
    static final String CSRF_HEADER = "X-Spout-CSRF";
    private static final Logger LOG = Logs.logger(AjaxEndpoint.class);

    private final String method;
    private final Set<String> methods;
    private final String path;
    private final AjaxHandler handler;
    private final PageSettings settings;
    private final Sessions sessions;

    public AjaxEndpoint(String path, String method, AjaxHandler handler, PageSettings settings, Sessions sessions) {
        this.path = path;
        this.method = method;
        this.methods = method.equals("GET") ? Set.of("GET", "HEAD") : Set.of(method);
        this.handler = handler;
        this.settings = settings;
        this.sessions = sessions;
    }

    /** The method calls must use. */
    public String method() {
        return method;
    }

    /** The handler calls run. */
    public AjaxHandler handler() {
        return handler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Methods.allowed(methods, request, response, callback)) {
            return true;
        }
        var withoutBody = new JettyClientRequest(request, response, sessions, null);
        boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!safe && settings.csrfProtection()) {
            // Decided on the headers and the session alone, before a byte of the body is read.
            String refusal = csrfRefusal(request, withoutBody);
            if (refusal != null) {
                LOG.debug("Ajax call to {} refused: {}", path, refusal);
                PlainRefusal.send(response, callback, HttpStatus.FORBIDDEN_403, refusal);
                return true;
            }
        }
        JettyClientRequest clientRequest;
        try {
            clientRequest = withoutBody.withForm(settings.forms().read(request));
        } catch (FormBody.Refused refused) {
            PlainRefusal.send(response, callback, refused.status(), refused.getMessage());
            return true;
        }
        var exchange = new AjaxCall(clientRequest);
        try {
            handler.handle(exchange);
        } catch (HttpStatusException refused) { // a handler's own refusal, or a bound it met (too many topics)
            LOG.debug("Ajax call to {} answered {}: {}", path, refused.status(), refused.getMessage());
            PlainRefusal.send(response, callback, refused.status(), refused.getMessage());
            return true;
        } catch (Exception failure) {
            LOG.error("The ajax handler {} failed", path, failure);
            PlainRefusal.send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500);
            return true;
        }
        AjaxCall.Answer answer = exchange.answer();
        int status = exchange.chosenStatus();
        if (answer == null) {
            response.setStatus(status != 0 ? status : HttpStatus.NO_CONTENT_204);
            callback.succeeded();
        } else {
            response.setStatus(status != 0 ? status : HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            response.write(true, ByteBuffer.wrap(answer.body().getBytes(StandardCharsets.UTF_8)), callback);
        }
        return true;
    }

    /** Why the call fails the CSRF checks, or null if it passes. */
    private String csrfRefusal(Request request, SpoutRequest clientRequest) {
        String crossOrigin = SameOrigin.refusal(request, settings.corsOrigins());
        if (crossOrigin != null) {
            return crossOrigin;
        }
        Optional<Session> session = clientRequest.session();
        if (session.isEmpty()) {
            return "No session: load the page first (it sets the session and its CSRF token)";
        }
        String token = request.getHeaders().get(CSRF_HEADER);
        if (token == null) {
            return "Missing CSRF token (" + CSRF_HEADER + ")";
        }
        if (!MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8),
                session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
            return "Wrong CSRF token";
        }
        return null;
    }
}
