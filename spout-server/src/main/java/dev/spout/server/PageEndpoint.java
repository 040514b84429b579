package dev.spout.server;

import dev.spout.html.Node;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves one page: runs its contents for each GET or HEAD and answers with the whole document. */
final class PageEndpoint implements Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(PageEndpoint.class);
    private static final Set<String> METHODS = Set.of("GET", "HEAD");

    private final String path;
    private final PageContents contents;
    private final Mount mount;

    PageEndpoint(String path, PageContents contents, Mount mount) {
        this.path = path;
        this.contents = contents;
        this.mount = mount;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Methods.allowed(METHODS, request, response, callback)) {
            return true;
        }
        String html;
        try {
            var page = new Page(new ClientRequest(request), mount);
            Node body = contents.render(page);
            html = PageRenderer.render(page, body);
        } catch (Exception failure) {
            LOG.error("The page {} failed", path, failure);
            Response.writeError(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500);
            return true;
        }
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? null : ByteBuffer.wrap(bytes), callback);
        return true;
    }
}
