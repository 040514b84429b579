package dev.spout.mercure.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A publish request's form fields, read into an {@link Update} by the protocol's rules, of both generations: {@code
 * topic} (required; Mercure 0.x publishers repeat it, the first the canonical topic and the others alternates, which
 * the hub keeps, so 1.0's single topic is the common case of it), {@code data}, {@code id}, {@code type}, {@code
 * retry}, {@code private} (present is private, whatever its value). Fields the protocol does not name are ignored.
 *
 * <p>What is refused, and how: a missing topic, a field given twice (but {@code topic}), a control character in a
 * topic, an id that starts with {@code #}, carries CR, LF or NUL, or is the reserved {@code earliest}, a type with CR
 * or LF, a retry that is not digits: {@code 400}; a topic in the hub's own namespace ({@code /.well-known/mercure},
 * where the hub publishes its subscription events), the selector {@code *} as a topic, the type {@code mercure}
 * (the hub's own events'): {@code 400}; more than {@value #MAX_TOPICS} topics or a field over
 * its bound: {@code 413}. The body's own bound is the HTTP layer's.
 *
 * <pre>{@code
 * Update update = PublishForm.read(fields, URI.create("https://hub.example.com/.well-known/mercure"));
 * }</pre>
 */
final class PublishForm {
    static final int MAX_TOPICS = 32;
    static final int MAX_ID_LENGTH = 1024;
    static final int MAX_TYPE_LENGTH = 256;

    private PublishForm() {}

    /**
     * The update the fields describe, in their order.
     *
     * @throws ProtocolException with the status and the reason of the first rule the fields break
     */
    static Update read(List<Map.Entry<String, String>> fields, URI hub) {
        List<String> topics = new ArrayList<>(1);
        String data = null;
        String id = null;
        String type = null;
        String retry = null;
        boolean isPrivate = false;
        for (Map.Entry<String, String> field : fields) {
            String value = field.getValue();
            switch (field.getKey()) {
                case "topic" -> {
                    if (topics.size() == MAX_TOPICS) {
                        throw new ProtocolException(413, "An update has at most " + MAX_TOPICS + " topics");
                    }
                    topics.add(topic(value, hub));
                }
                case "data" -> data = once("data", data, value);
                case "id" -> id = once("id", id, value);
                case "type" -> type = once("type", type, value);
                case "retry" -> retry = once("retry", retry, value);
                case "private" -> isPrivate = true;
                default -> {} // not the protocol's: ignored, as a hub that knows fewer fields would
            }
        }
        if (topics.isEmpty()) {
            throw new ProtocolException(400, "An update needs a topic field");
        }
        return new Update(
                topics.getFirst(),
                topics.subList(1, topics.size()),
                data == null ? "" : data,
                id == null ? null : id(id),
                type == null ? null : type(type),
                retry == null ? null : retry(retry),
                isPrivate);
    }

    private static String once(String name, @Nullable String before, String value) {
        if (before != null) {
            throw new ProtocolException(400, "The " + name + " field is given more than once");
        }
        return value;
    }

    private static String topic(String topic, URI hub) {
        if (topic.length() > Topics.MAX_LENGTH) {
            throw new ProtocolException(413, "A topic is at most " + Topics.MAX_LENGTH + " characters");
        }
        try {
            Topics.check(topic, "A topic");
        } catch (IllegalArgumentException bad) {
            throw new ProtocolException(400, bad.getMessage());
        }
        if (topic.equals("*")) {
            throw new ProtocolException(400, "An update's topic is a topic, not the selector *");
        }
        if (Topics.inHubNamespace(topic, hub)) {
            throw new ProtocolException(
                    400,
                    "The topic " + topic + " is in the hub's own namespace, " + Topics.NAMESPACE + ", where only"
                            + " the hub publishes");
        }
        return topic;
    }

    private static String id(String id) {
        if (id.length() > MAX_ID_LENGTH) {
            throw new ProtocolException(413, "An id is at most " + MAX_ID_LENGTH + " characters");
        }
        if (id.isEmpty() || id.startsWith("#")) {
            throw new ProtocolException(400, "An id cannot be empty or start with '#' (the hub's own ids do)");
        }
        if (id.equals("earliest")) {
            throw new ProtocolException(400, "The id earliest is reserved: it asks for the whole history");
        }
        if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0 || id.indexOf('\0') >= 0) {
            throw new ProtocolException(400, "An id cannot contain CR, LF or NUL");
        }
        return id;
    }

    private static String type(String type) {
        if (type.length() > MAX_TYPE_LENGTH) {
            throw new ProtocolException(413, "A type is at most " + MAX_TYPE_LENGTH + " characters");
        }
        if (type.indexOf('\n') >= 0 || type.indexOf('\r') >= 0) {
            throw new ProtocolException(400, "A type cannot contain CR or LF");
        }
        if (type.equals("mercure")) {
            throw new ProtocolException(400, "The type mercure is the hub's own, for its subscription events");
        }
        return type;
    }

    private static long retry(String retry) {
        if (retry.isEmpty() || retry.length() > 18 || !retry.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ProtocolException(400, "The retry field takes ASCII digits only (at most 18), got " + retry);
        }
        return Long.parseLong(retry);
    }
}
