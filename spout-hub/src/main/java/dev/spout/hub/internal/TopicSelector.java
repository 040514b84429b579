package dev.spout.hub.internal;

/**
 * What a subscription or a token's grant selects: every topic ({@code *}), one topic exactly, or the topics a URI
 * template expands to (Mercure 0.x). Matching is on the topic's characters, as they are: no normalization, no
 * resolution (the protocol compares byte for byte).
 *
 * <pre>{@code
 * TopicSelector.legacy("https://example.com/books/{id}").matches("https://example.com/books/1"); // true
 * TopicSelector.exact("https://example.com/books/1").matches("https://example.com/books/1");     // true
 * }</pre>
 */
sealed interface TopicSelector permits TopicSelector.Any, TopicSelector.Exact, TopicSelector.Template {

    /** Whether the selector selects {@code topic}. */
    boolean matches(String topic);

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
    }
}
