package dev.spout.engine.topic;

import dev.spout.engine.HttpStatusException;

/**
 * A topic on demand cannot be created: its pattern has as many topics as its {@link TopicOptions#maxTopics} allows.
 * Thrown where the topic is asked for; a plain endpoint, an ajax call, a page or a stream whose handler lets it out
 * is answered {@code 503}, so the client may try again once topics have been reclaimed.
 *
 * <pre>{@code
 * app.topicPattern("doc/*", t -> t.history(1, Duration.ofHours(1)).maxTopics(100));
 * app.topic("doc/" + name).publish(text);   // the 101st document: TooManyTopicsException, answered 503
 * }</pre>
 */
public final class TooManyTopicsException extends HttpStatusException {
    private static final long serialVersionUID = 1L;

    /** The pattern is full: {@code name} would have been its topic number {@code limit + 1}. */
    public TooManyTopicsException(String name, String pattern, int limit) {
        super(
                503,
                "No more topics like " + name + ": the pattern " + pattern + " has its " + limit
                        + " (TopicOptions.maxTopics); try again once some are left empty");
    }
}
