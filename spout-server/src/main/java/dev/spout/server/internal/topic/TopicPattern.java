package dev.spout.server.internal.topic;

import java.util.Objects;

/**
 * A pattern of topic names, such as {@code user/*} or {@code doc/*}{@code /comments}: {@code *} stands for one or more
 * characters other than {@code /}, everything else for itself. Topics created on demand take the options of the
 * first pattern their name matches.
 */
record TopicPattern(String pattern, TopicSettings settings) {
    TopicPattern {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty() || pattern.contains("**")) {
            throw new IllegalArgumentException("A topic pattern is a name in which * stands for one or more"
                    + " characters other than '/' (and ** is not allowed): " + pattern);
        }
    }

    boolean matches(String name) {
        return matches(name, 0, 0);
    }

    private boolean matches(String name, int at, int from) {
        while (from < pattern.length()) {
            char p = pattern.charAt(from);
            if (p == '*') {
                int end = at;
                while (end < name.length() && name.charAt(end) != '/') {
                    end++;
                    if (matches(name, end, from + 1)) {
                        return true; // a star takes as few characters as the rest of the pattern lets it
                    }
                }
                return false;
            }
            if (at >= name.length() || name.charAt(at) != p) {
                return false;
            }
            at++;
            from++;
        }
        return at == name.length();
    }
}
