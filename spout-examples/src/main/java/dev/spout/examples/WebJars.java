package dev.spout.examples;

import dev.spout.server.Routes;
import dev.spout.server.http.StaticFiles;
import org.webjars.WebJarVersionLocator;

/**
 * The browser scripts the htmx examples use, from their published packages (WebJars on Maven Central), served by
 * Spout's static files from the class path rather than copied into the repository. Their versions come from the jars
 * themselves, so the POM is the one place that names them.
 *
 * <pre>{@code
 * WebJars.serve(app);
 * page.javascriptUrl(WebJars.HTMX);
 * }</pre>
 */
final class WebJars {
    private static final WebJarVersionLocator LOCATOR = new WebJarVersionLocator();

    static final String PREFIX = "/webjars";
    static final String HTMX = url("htmx.org", "dist/htmx.min.js");
    static final String HTMX_SSE = url("htmx-ext-sse", "sse.js");

    private WebJars() {}

    /** Serves every WebJar on the class path under {@value #PREFIX}. */
    static void serve(Routes app) {
        app.staticFiles(PREFIX, StaticFiles.classpath("META-INF/resources/webjars"));
    }

    private static String url(String webJar, String file) {
        String version = LOCATOR.version(webJar);
        if (version == null) {
            throw new IllegalStateException("The WebJar " + webJar + " is not on the class path");
        }
        return PREFIX + "/" + webJar + "/" + version + "/" + file;
    }
}
