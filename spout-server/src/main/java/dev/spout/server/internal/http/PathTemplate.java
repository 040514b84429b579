package dev.spout.server.internal.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A route path with parameters, such as {@code /users/{id}/events}: each {@code {name}} stands for one whole path
 * segment, whatever it holds but a {@code /}. Two templates conflict when one path could match both (same number
 * of segments, and at each position the same literal or a parameter on either side): that is refused when the
 * second is defined, so a request never has two candidates.
 */
public final class PathTemplate {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String path;
    private final String[] literals; // null where the segment is a parameter
    private final String[] names; // null where the segment is a literal

    private PathTemplate(String path, String[] literals, String[] names) {
        this.path = path;
        this.literals = literals;
        this.names = names;
    }

    /** The template of a path that has parameters, or null for a plain path. */
    public static @Nullable PathTemplate parse(String path) {
        if (path.indexOf('{') < 0 && path.indexOf('}') < 0) {
            return null;
        }
        String[] segments = segments(path);
        String[] literals = new String[segments.length];
        String[] names = new String[segments.length];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("Not a path parameter name: \"" + name + "\" in " + path
                            + " (letters, digits and _, not starting with a digit)");
                }
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("The path parameter {" + name + "} comes twice in " + path);
                }
                names[i] = name;
            } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                throw new IllegalArgumentException("A path parameter must be a whole segment, such as /users/{id}: "
                        + "\"" + segment + "\" in " + path);
            } else {
                literals[i] = segment;
            }
        }
        return new PathTemplate(path, literals, names);
    }

    public String path() {
        return path;
    }

    /** The parameters' values if the path's segments match, else null. */
    @Nullable
    Map<String, String> match(String[] segments) {
        if (segments.length != literals.length) {
            return null;
        }
        for (int i = 0; i < segments.length; i++) {
            if (literals[i] != null ? !literals[i].equals(segments[i]) : segments[i].isEmpty()) {
                return null;
            }
        }
        Map<String, String> values = new LinkedHashMap<>(4);
        for (int i = 0; i < segments.length; i++) {
            if (names[i] != null) {
                values.put(names[i], segments[i]);
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** Whether some path would match both templates. */
    boolean overlaps(PathTemplate other) {
        if (other.literals.length != literals.length) {
            return false;
        }
        for (int i = 0; i < literals.length; i++) {
            if (literals[i] != null && other.literals[i] != null && !literals[i].equals(other.literals[i])) {
                return false;
            }
        }
        return true;
    }

    /** The path with each parameter replaced by its value (for a link to a route). */
    public String expand(Map<String, String> values) {
        var out = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            out.append('/');
            if (literals[i] != null) {
                out.append(literals[i]);
            } else {
                String value = values.get(names[i]);
                if (value == null) {
                    throw new IllegalArgumentException("No value for {" + names[i] + "} of " + path);
                }
                out.append(value);
            }
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    /** A path's segments: {@code /a/b/} is {@code a}, {@code b} and an empty last segment. */
    static String[] segments(String path) {
        List<String> segments = new ArrayList<>(8);
        int start = path.startsWith("/") ? 1 : 0;
        for (int i = start; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                segments.add(path.substring(start, i));
                start = i + 1;
            }
        }
        return segments.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return path;
    }
}
