package dev.spout.engine.internal.topic;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pattern of topic names, such as {@code user/*} or {@code doc/*}{@code /comments}: {@code *} stands for one or more
 * characters other than {@code /}, everything else for itself. Topics created on demand take the options of the
 * first pattern their name matches, and a place among its {@code maxTopics}.
 */
final class TopicPattern {
    private final String pattern;
    private final TopicSettings settings;
    private final AtomicInteger live = new AtomicInteger(); // its topics that exist now, at most maxTopics

    TopicPattern(String pattern, TopicSettings settings) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty() || pattern.contains("**")) {
            throw new IllegalArgumentException("A topic pattern is a name in which * stands for one or more"
                    + " characters other than '/' (and ** is not allowed): " + pattern);
        }
        this.pattern = pattern;
        this.settings = settings;
    }

    String pattern() {
        return pattern;
    }

    TopicSettings settings() {
        return settings;
    }

    /** A place for a new topic of the pattern; false if it has {@code maxTopics} already. */
    boolean take() {
        int now;
        do {
            now = live.get();
            if (now >= settings.maxTopics()) {
                return false;
            }
        } while (!live.compareAndSet(now, now + 1));
        return true;
    }

    /** One of its topics was reclaimed, or could not be created. */
    void release() {
        live.decrementAndGet();
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
