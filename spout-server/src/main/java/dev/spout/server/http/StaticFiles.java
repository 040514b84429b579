package dev.spout.server.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where static files come from, for {@code Routes.staticFiles}: a folder of the class path (inside the
 * application's jar) or a directory. Served by Jetty's resource service: {@code ETag} and {@code Last-Modified}
 * with {@code 304} answers to conditional requests, ranges, {@code HEAD}, content types by extension; never a
 * directory listing, never a path outside the root, and never a file that a symbolic link (or any other alias) puts
 * outside it, unless that is allowed ({@link #followingLinksOutOfRoot()}): a link inside the root to a file inside it
 * is served.
 *
 * <pre>{@code
 * app.staticFiles("/assets", StaticFiles.classpath("static"));               // src/main/resources/static
 * app.staticFiles("/downloads", StaticFiles.directory(Path.of("/srv/files")).maxAge(Duration.ofDays(1)));
 * }</pre>
 *
 * @param root a class path folder ({@code static}) or a directory's path, as its kind says
 * @param onClassPath whether {@code root} is on the class path
 * @param maxAge what {@code Cache-Control: max-age} tells browsers and proxies; zero sends {@code no-cache} (they
 *     check with the ETag each time)
 * @param linksOutOfRoot whether a symbolic link may lead out of a directory root (default false: {@code 404})
 */
public record StaticFiles(String root, boolean onClassPath, Duration maxAge, boolean linksOutOfRoot) {
    private static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    public StaticFiles {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative");
        }
    }

    /** The files under a folder of the class path, cached for an hour. */
    public static StaticFiles classpath(String folder) {
        String trimmed = folder.replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Serve a folder of the class path, not all of it");
        }
        return new StaticFiles(trimmed, true, DEFAULT_MAX_AGE, false);
    }

    /**
     * The files under a directory, cached for an hour.
     *
     * @throws IllegalArgumentException if it is not a directory
     */
    public static StaticFiles directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Not a directory: " + directory.toAbsolutePath());
        }
        return new StaticFiles(directory.toAbsolutePath().normalize().toString(), false, DEFAULT_MAX_AGE, false);
    }

    /** The same files with another {@code Cache-Control: max-age}. */
    public StaticFiles maxAge(Duration maxAge) {
        return new StaticFiles(root, onClassPath, maxAge, linksOutOfRoot);
    }

    /**
     * The same files, where a symbolic link may also lead out of the directory: for a root whose files are links to
     * shared folders, chosen by whoever can write in the root. Without it such a file is a {@code 404}.
     */
    public StaticFiles followingLinksOutOfRoot() {
        return new StaticFiles(root, onClassPath, maxAge, true);
    }
}
