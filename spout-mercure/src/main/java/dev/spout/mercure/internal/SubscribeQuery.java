package dev.spout.mercure.internal;

import dev.spout.engine.auth.ClientRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a subscriber asks for, from its request, in both generations: its selectors — Mercure 1.0's {@code match}
 * (also {@code match_exact}, {@code matchExact}: a topic exactly, or {@code *}) and {@code match_urlpattern} (also
 * {@code matchURLPattern}: a WHATWG URL pattern), Mercure 0.x's {@code topic} (a topic, {@code *} or a URI template),
 * any number of each in one stream — and where it resumes: the {@code Last-Event-ID} header first, then the query's
 * {@code last_event_id} or {@code lastEventID}; {@code earliest} is the log's beginning.
 *
 * <p>Refused with {@code 400}: no selector, a parameter whose name starts with {@code match} that the protocol does not
 * define (a newer matcher this hub does not know must not be read as "every topic"), a selector it cannot read, more
 * than {@value #MAX_SELECTORS} selectors.
 *
 * <pre>{@code
 * SubscribeQuery asked = SubscribeQuery.read(request);
 * }</pre>
 *
 * @param selectors what the subscriber selects
 * @param asked the same, as the request wrote them: each selector's kind and text, for its subscription events
 * @param lastEventId where it resumes ({@code ""}: the beginning), or null for now
 */
record SubscribeQuery(
        List<TopicSelector> selectors,
        List<Asked> asked,
        @Nullable String lastEventId) {

    /**
     * One selector as the request wrote it.
     *
     * @param matchType {@code exact} or {@code urlpattern} (1.0's kinds), or {@code topic} for 0.x's {@code topic=}
     * @param match the selector's text
     */
    record Asked(String matchType, String match) {}

    static final int MAX_SELECTORS = 64;
    static final String EARLIEST = "earliest";

    SubscribeQuery {
        selectors = List.copyOf(selectors);
        asked = List.copyOf(asked);
    }

    static SubscribeQuery read(ClientRequest request) {
        return read(request, null);
    }

    /** The request's selectors, a relative URL pattern resolved against {@code origin} (the hub's), if known. */
    static SubscribeQuery read(ClientRequest request, @Nullable String origin) {
        List<TopicSelector> selectors = new ArrayList<>();
        List<Asked> asked = new ArrayList<>();
        for (String name : request.queryParameterNames()) {
            var kind = kind(name);
            for (String value : request.queryParameters(name)) {
                if (kind == Kind.NOT_A_SELECTOR) {
                    break;
                }
                if (selectors.size() == MAX_SELECTORS) {
                    throw new ProtocolException(400, "A subscription has at most " + MAX_SELECTORS + " selectors");
                }
                selectors.add(selector(kind, name, value, origin));
                asked.add(new Asked(
                        switch (kind) {
                            case EXACT -> "exact";
                            case URL_PATTERN -> "urlpattern";
                            default -> "topic";
                        },
                        value));
            }
        }
        if (selectors.isEmpty()) {
            throw new ProtocolException(
                    400,
                    "A subscription needs a selector: ?match=<topic> or ?match_urlpattern=<pattern> (1.0), ?topic= (0.x)");
        }
        String lastEventId = request.header("Last-Event-ID")
                .or(() -> request.queryParameter("last_event_id"))
                .or(() -> request.queryParameter("lastEventID"))
                .orElse(null);
        if (lastEventId != null && lastEventId.equalsIgnoreCase(EARLIEST)) {
            lastEventId = ""; // the log's beginning, as far back as it keeps updates
        }
        return new SubscribeQuery(selectors, asked, lastEventId);
    }

    private enum Kind {
        EXACT,
        URL_PATTERN,
        LEGACY,
        NOT_A_SELECTOR
    }

    private static Kind kind(String name) {
        return switch (name) {
            case "match", "match_exact", "matchExact" -> Kind.EXACT;
            case "match_urlpattern", "matchURLPattern" -> Kind.URL_PATTERN;
            case "topic" -> Kind.LEGACY;
            default -> {
                if (name.toLowerCase(Locale.ROOT).startsWith("match")) {
                    throw new ProtocolException(
                            400,
                            "Unknown matcher " + shown(name)
                                    + ": this hub takes match, match_exact and match_urlpattern");
                }
                yield Kind.NOT_A_SELECTOR;
            }
        };
    }

    private static TopicSelector selector(Kind kind, String name, String value, @Nullable String origin) {
        try {
            return switch (kind) {
                case EXACT -> TopicSelector.exact(value);
                case URL_PATTERN -> TopicSelector.urlPattern(value, origin);
                case LEGACY -> TopicSelector.legacy(value);
                case NOT_A_SELECTOR -> throw new IllegalStateException(name);
            };
        } catch (IllegalArgumentException bad) {
            throw new ProtocolException(
                    400, "The selector " + name + "=" + shown(value) + " cannot be read: " + bad.getMessage());
        }
    }

    private static String shown(String value) {
        return "\"" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "\"";
    }
}
