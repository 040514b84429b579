package dev.spout.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * What a page, SSE handler or ajax handler may read of the request that started it: path, headers, query and
 * form parameters, the client's address. A thin view over Jetty's request; {@link #jetty()} is the escape hatch.
 *
 * <pre>{@code
 * app.sse("/prices", sse -> {
 *     String symbol = sse.request().queryParameter("symbol").orElse("ACME");
 *     ...
 * });
 * }</pre>
 */
public final class ClientRequest {
    private final Request request;
    private Fields query;
    private final Fields form;

    ClientRequest(Request request) {
        this(request, null);
    }

    ClientRequest(Request request, Fields form) {
        this.request = request;
        this.form = form;
    }

    /** The path, without the query, as the client asked for it (for example {@code /client}). */
    public String path() {
        return Request.getPathInContext(request);
    }

    public String method() {
        return request.getMethod();
    }

    /** The first value of a header, if the client sent it. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    /** The first value of a query parameter, if present. */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query().getValue(name));
    }

    /** All values of a query parameter, in order; empty if absent. */
    public List<String> queryParameters(String name) {
        return query().getValues(name);
    }

    /** The first value of a form parameter of a POSTed {@code application/x-www-form-urlencoded} body. */
    public Optional<String> formParameter(String name) {
        return form == null ? Optional.empty() : Optional.ofNullable(form.getValue(name));
    }

    /** The client's IP address, as seen by this server (a proxy's, behind one). */
    public String remoteAddress() {
        SocketAddress address = request.getConnectionMetaData().getRemoteSocketAddress();
        return address instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }

    /** The underlying Jetty request, for what this view does not offer. */
    public Request jetty() {
        return request;
    }

    private Fields query() {
        if (query == null) {
            query = Request.extractQueryParameters(request);
        }
        return query;
    }

    @Override
    public String toString() {
        return request.getMethod() + " " + request.getHttpURI().getPathQuery();
    }
}
