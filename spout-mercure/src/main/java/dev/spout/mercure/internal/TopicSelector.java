package dev.spout.mercure.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a subscription or a token's grant selects: every topic ({@code *}), one topic exactly, the topics a URI
 * template expands to (Mercure 0.x), or the URLs a WHATWG URL pattern matches (Mercure 1.0). Exact and template
 * matching is on the topic's characters, as they are: no normalization, no resolution (the protocol compares byte
 * for byte); a URL pattern, as the URL Pattern Standard says, compares the components of the topic parsed as a URL.
 *
 * <pre>{@code
 * TopicSelector.legacy("https://example.com/books/{id}").matches("https://example.com/books/1"); // true
 * TopicSelector.exact("https://example.com/books/1").matches("https://example.com/books/1");     // true
 * TopicSelector.urlPattern("https://example.com/books/:id").matches("https://example.com/books/1"); // true
 * }</pre>
 */
sealed interface TopicSelector
        permits TopicSelector.Any, TopicSelector.Exact, TopicSelector.Template, TopicSelector.UrlPatternSelector {

    /** Whether the selector selects {@code topic}. */
    boolean matches(String topic);

    /**
     * Whether the selector selects {@code topic}, the reads of a template's or a pattern's match taken from {@code
     * budget}, shared by every match of one decision: however many selectors a subscriber asks for, one update costs it
     * a bounded amount of work.
     */
    default boolean matches(String topic, BudgetedText.Budget budget) {
        return matches(topic);
    }

    /**
     * A selector of Mercure 1.0's {@code match} parameter or {@code Exact} matcher: {@code *} is every topic, anything
     * else one topic exactly.
     *
     * @throws IllegalArgumentException if it is empty or has control characters
     */
    static TopicSelector exact(String match) {
        Topics.check(match, "A topic selector");
        return match.equals("*") ? Any.EVERY : new Exact(match);
    }

    /**
     * A selector of Mercure 0.x ({@code topic=} when subscribing, the {@code mercure} claim's lists): {@code *} is
     * every topic, a value with an expression ({@code {id}}) a URI template, anything else one topic exactly.
     *
     * @throws IllegalArgumentException if it is empty, has control characters, or is a template RFC 6570 refuses
     */
    static TopicSelector legacy(String selector) {
        Topics.check(selector, "A topic selector");
        if (selector.equals("*")) {
            return Any.EVERY;
        }
        return selector.indexOf('{') >= 0 ? new Template(UriTemplate.compile(selector)) : new Exact(selector);
    }

    /**
     * A selector of Mercure 1.0's {@code match_urlpattern} parameter or {@code URLPattern} matcher: {@code *} is every
     * topic (as for every match type), anything else a URL pattern in the Standard's string form, which must be
     * absolute ({@code https://example.com/books/:id}).
     *
     * @throws IllegalArgumentException if it is empty, has control characters, or is a pattern the Standard refuses
     *     (relative ones included) or over the bounds, saying what is wrong and where
     */
    static TopicSelector urlPattern(String pattern) {
        return urlPattern(pattern, null);
    }

    /**
     * A URL pattern selector where a pattern that starts with {@code /} is resolved against the hub's origin ({@code
     * https://hub.example.com}), as the protocol asks, and so are the relative topics it is matched against (the hub's
     * own, such as its subscription events' {@code /.well-known/mercure/subscriptions/…}).
     *
     * @param origin the hub's scheme and authority, or null where it is not known (a relative pattern is refused)
     */
    static TopicSelector urlPattern(String pattern, @Nullable String origin) {
        Topics.check(pattern, "A URL pattern");
        if (pattern.equals("*")) {
            return Any.EVERY;
        }
        if (origin != null && pattern.startsWith("/") && !pattern.startsWith("//")) {
            return new UrlPatternSelector(UrlPattern.compile(origin + pattern), origin);
        }
        return new UrlPatternSelector(UrlPattern.compile(pattern), null);
    }

    /** Every topic. */
    enum Any implements TopicSelector {
        EVERY;

        @Override
        public boolean matches(String topic) {
            return true;
        }

        @Override
        public String toString() {
            return "*";
        }
    }

    /** One topic, character for character. */
    record Exact(String topic) implements TopicSelector {
        @Override
        public boolean matches(String candidate) {
            return topic.equals(candidate);
        }
    }

    /** The topics a URI template expands to. */
    record Template(UriTemplate template) implements TopicSelector {
        @Override
        public boolean matches(String topic) {
            return topic.length() <= Topics.MAX_LENGTH && template.matches(topic);
        }

        @Override
        public boolean matches(String topic, BudgetedText.Budget budget) {
            return topic.length() <= Topics.MAX_LENGTH && template.matches(topic, budget);
        }
    }

    /**
     * The topics a URL pattern matches (a topic that is no URL matches none); with an origin, a relative topic ({@code
     * /…}) is matched as that origin's.
     */
    record UrlPatternSelector(UrlPattern pattern, @Nullable String origin) implements TopicSelector {
        @Override
        public boolean matches(String topic) {
            return matches(topic, new BudgetedText.Budget(UrlPattern.MAX_STEPS));
        }

        @Override
        public boolean matches(String topic, BudgetedText.Budget budget) {
            if (origin != null && topic.startsWith("/") && !topic.startsWith("//")) {
                return topic.length() + origin.length() <= Topics.MAX_LENGTH && pattern.matches(origin + topic, budget);
            }
            return pattern.matches(topic, budget);
        }
    }
}
