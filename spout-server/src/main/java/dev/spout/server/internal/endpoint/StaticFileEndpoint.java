package dev.spout.server.internal.endpoint;

import dev.spout.server.http.StaticFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContentFactory;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.jspecify.annotations.Nullable;

/**
 * Serves the files below a path prefix with Jetty's {@link ResourceService}, which already does what static files
 * need right (validators and {@code 304}, ranges, {@code HEAD}, content types, no escaping the root): only the
 * prefix is Spout's. Directories are never listed; a missing file is a {@code 404}.
 */
public final class StaticFileEndpoint implements Request.Handler {
    private static final Set<String> METHODS = Set.of("GET", "HEAD");

    private final String prefix;
    private final ResourceService service = new ResourceService();
    private final @Nullable Path realRoot; // a directory's real path, when links may not leave it

    public StaticFileEndpoint(String prefix, StaticFiles files, Server server) {
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        ResourceFactory resources = ResourceFactory.of(server); // released when the server stops
        Resource root = files.onClassPath()
                ? resources.newClassLoaderResource(files.root() + "/", false)
                : resources.newResource(Path.of(files.root()));
        if (root == null || !root.exists()) {
            throw new IllegalArgumentException(
                    "No such folder" + (files.onClassPath() ? " on the class path" : "") + ": " + files.root());
        }
        realRoot = files.onClassPath() || files.linksOutOfRoot() ? null : realPath(Path.of(files.root()));
        service.setHttpContentFactory(new ResourceHttpContentFactory(
                root, MimeTypes.DEFAULTS, new ByteBufferPool.Sized(server.getByteBufferPool())));
        service.setDirAllowed(false);
        service.setEtags(true);
        long seconds = files.maxAge().toSeconds();
        service.setCacheControl(seconds == 0 ? "no-cache" : "public, max-age=" + seconds);
    }

    /**
     * Whether the file is really somewhere else than under the root: a symbolic link (or a link above it) leads out.
     * Jetty's resource service keeps the request's path in the root; where the file system then takes it is this.
     */
    private boolean outOfRoot(Resource resource) {
        if (realRoot == null) {
            return false;
        }
        Path path = resource.getPath();
        if (path == null) {
            return true; // not a file of the directory at all
        }
        try {
            return !path.toRealPath().startsWith(realRoot);
        } catch (IOException gone) {
            return true;
        }
    }

    private static Path realPath(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("Cannot resolve the folder " + root + ": " + unreadable, unreadable);
        }
    }

    /** The path prefix ({@code /assets}) whose files this serves. */
    public String prefix() {
        return prefix;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        String file = path.substring(prefix.length());
        if (!METHODS.contains(request.getMethod())) {
            response.getHeaders().put("Allow", "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        HttpContent content = file.length() > 1 ? service.getContent(file, request) : null;
        if (content == null || content.getResource().isDirectory() || outOfRoot(content.getResource())) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        service.doGet(request, response, callback, content);
        return true;
    }
}
