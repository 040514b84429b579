package dev.spout.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves one ajax path: a POST runs its handler, which may answer with HTML. */
final class AjaxEndpoint implements Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(AjaxEndpoint.class);
    private static final Set<String> METHODS = Set.of("POST");

    private final String path;
    private final AjaxHandler handler;

    AjaxEndpoint(String path, AjaxHandler handler) {
        this.path = path;
        this.handler = handler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Methods.allowed(METHODS, request, response, callback)) {
            return true;
        }
        var exchange = new AjaxExchange(new ClientRequest(request, form(request)));
        try {
            handler.handle(exchange);
        } catch (Exception failure) {
            LOG.error("The ajax handler {} failed", path, failure);
            Response.writeError(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500);
            return true;
        }
        String html = exchange.html();
        if (html == null) {
            response.setStatus(exchange.status() != 0 ? exchange.status() : HttpStatus.NO_CONTENT_204);
            callback.succeeded();
        } else {
            response.setStatus(exchange.status() != 0 ? exchange.status() : HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
            response.write(true, ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)), callback);
        }
        return true;
    }

    private static Fields form(Request request) {
        try {
            return FormFields.getFields(request);
        } catch (RuntimeException notAForm) {
            return Fields.EMPTY;
        }
    }
}
