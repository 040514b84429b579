package dev.spout.server.internal.page;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.HttpStatusException;
import dev.spout.html.Node;
import dev.spout.server.auth.Session;
import dev.spout.server.internal.auth.JettyClientRequest;
import dev.spout.server.internal.auth.Sessions;
import dev.spout.server.internal.http.FormBody;
import dev.spout.server.internal.http.Methods;
import dev.spout.server.internal.http.SameOrigin;
import dev.spout.server.page.PageContents;
import dev.spout.server.page.PageOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;

/**
 * Serves one page: checks the method, that a form posted to it comes from this site, and that a page which
 * requires a user has one; runs its contents, wraps them in the application's template, and answers with the whole
 * document (gzip-compressed when the browser takes it and it is worth it).
 */
public final class PageEndpoint implements Request.Handler {
    private static final Logger LOG = Logs.logger(PageEndpoint.class);
    private static final int COMPRESS_FROM = 1024;

    private final String path;
    private final PageOptions options;
    private final PageContents contents;
    private final PageRoutes mount;
    private final PageSettings settings;
    private final Sessions sessions;

    public PageEndpoint(
            String path,
            PageOptions options,
            PageContents contents,
            PageRoutes mount,
            PageSettings settings,
            Sessions sessions) {
        this.path = path;
        this.options = options;
        this.contents = contents;
        this.mount = mount;
        this.settings = settings;
        this.sessions = sessions;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Methods.allowed(options.allowedMethods(), request, response, callback)) {
            return true;
        }
        if (settings.csrfProtection()
                && !HttpMethod.GET.is(request.getMethod())
                && !HttpMethod.HEAD.is(request.getMethod())) {
            // A form posted from another site (a forged sign-in, say) carries that site's Origin.
            String refusal = SameOrigin.refusal(request, settings.corsOrigins());
            if (refusal != null) {
                LOG.debug("{} {} refused: {}", request.getMethod(), path, refusal);
                Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, refusal);
                return true;
            }
        }
        var withoutBody = new JettyClientRequest(request, response, sessions, null);
        if (options.requiresUser() && withoutBody.user().isEmpty()) { // decided before a byte of the body is read
            String next = request.getHttpURI().getPathQuery();
            String loginPath = options.loginPath().orElse(settings.loginPath());
            String login = loginPath + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            Response.sendRedirect(request, response, callback, HttpStatus.FOUND_302, login, true);
            return true;
        }
        JettyClientRequest clientRequest;
        try {
            clientRequest = withoutBody.withForm(settings.forms().read(request));
        } catch (FormBody.Refused refused) {
            Response.writeError(request, response, callback, refused.status(), refused.getMessage());
            return true;
        }
        String html;
        var page = new PageBuilder(clientRequest, mount);
        try {
            Node body = contents.render(page);
            if (page.redirect != null) {
                int status = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                        ? HttpStatus.FOUND_302
                        : HttpStatus.SEE_OTHER_303;
                Response.sendRedirect(request, response, callback, status, page.redirect, true);
                return true;
            }
            if (options.usesTemplate() && settings.template() != null) {
                body = settings.template().wrap(page, body);
            }
            String token = !page.ajaxBindings.isEmpty()
                    ? clientRequest.startSession().csrfToken()
                    : clientRequest.session().map(Session::csrfToken).orElse(null);
            html = PageRenderer.render(page, body, token);
        } catch (HttpStatusException refused) { // the page's own refusal, or a bound it met (too many topics)
            LOG.debug("The page {} answered {}: {}", path, refused.status(), refused.getMessage());
            Response.writeError(request, response, callback, refused.status(), refused.getMessage());
            return true;
        } catch (Exception failure) {
            LOG.error("The page {} failed", path, failure);
            Response.writeError(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500);
            return true;
        }
        byte[] bytes = html.getBytes(page.charset);
        var headers = response.getHeaders();
        response.setStatus(HttpStatus.OK_200);
        headers.put(
                HttpHeader.CONTENT_TYPE,
                "text/html;charset=" + page.charset.name().toLowerCase(java.util.Locale.ROOT));
        headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
        headers.put(HttpHeader.VARY, "Accept-Encoding");
        if (bytes.length >= COMPRESS_FROM && acceptsGzip(request)) {
            bytes = gzip(bytes);
            headers.put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? null : ByteBuffer.wrap(bytes), callback);
        return true;
    }

    private static boolean acceptsGzip(Request request) {
        for (String encoding : request.getHeaders().getQualityCSV(HttpHeader.ACCEPT_ENCODING)) {
            if (encoding.equalsIgnoreCase("gzip")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
