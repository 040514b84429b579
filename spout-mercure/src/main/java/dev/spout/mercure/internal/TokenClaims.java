package dev.spout.mercure.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The grants of a verified token's claims, in either generation's form. A form the protocol does not define, or one
 * over the bounds, is refused whole (thrown as {@link IllegalArgumentException}): a token is never half-read, since
 * acting on the entries that parsed would change what its issuer meant it to allow.
 *
 * <pre>{@code
 * List<Grant> grants = TokenClaims.legacy(Map.of("mercure", Map.of("subscribe", List.of("*"))));
 * }</pre>
 */
final class TokenClaims {
    static final int MAX_DETAILS = 32;
    static final int MAX_SELECTORS = 128;

    /** An authorization detail's type: the specification's URI, and the bare name of an earlier revision. */
    static final String DETAIL_TYPE = "https://mercure.rocks/authorization-detail";

    static final Set<Object> DETAIL_TYPES = Set.of(DETAIL_TYPE, "mercure");

    private TokenClaims() {}

    /**
     * Mercure 0.x: the {@code mercure} claim, {@code {"publish": [selectors], "subscribe": [selectors], "payload":
     * {...}}}, each selector {@code *}, a URI template or a topic; no claim, or an empty list, grants nothing.
     */
    static List<Grant> legacy(Map<String, Object> claims) {
        Object mercure = claims.get("mercure");
        if (mercure == null) {
            return List.of();
        }
        Map<String, Object> claim = object(mercure, "the mercure claim");
        Map<String, Object> payload = claim.get("payload") == null ? null : object(claim.get("payload"), "its payload");
        List<Grant> grants = new ArrayList<>(2);
        List<TopicSelector> publish = legacySelectors(claim.get("publish"), "its publish list");
        if (!publish.isEmpty()) {
            grants.add(new Grant(Set.of(Grant.Action.PUBLISH), publish, null));
        }
        List<TopicSelector> subscribe = legacySelectors(claim.get("subscribe"), "its subscribe list");
        if (!subscribe.isEmpty()) {
            grants.add(new Grant(Set.of(Grant.Action.SUBSCRIBE), subscribe, payload));
        }
        return grants;
    }

    /**
     * Mercure 1.0: the {@code authorization_details} (RFC 9396) of type {@code mercure}, each with a non-empty {@code
     * actions} list ({@code publish}, {@code subscribe}), a non-empty {@code topics} list of matchers ({@code {"match":
     * …, "matchType": "Exact"}}, {@code Exact} when absent, or {@code URLPattern}; {@code *} every topic) and an
     * optional {@code payload}.
     * Details of other types are another resource's, and left alone.
     */
    static List<Grant> authorizationDetails(Map<String, Object> claims) {
        return authorizationDetails(claims, null);
    }

    /** {@link #authorizationDetails(Map)}, a relative URL pattern resolved against {@code origin} (the hub's). */
    static List<Grant> authorizationDetails(Map<String, Object> claims, @Nullable String origin) {
        Object details = claims.get("authorization_details");
        if (details == null) {
            return List.of();
        }
        List<Object> entries = list(details, "authorization_details", MAX_DETAILS);
        List<Grant> grants = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            Map<String, Object> detail = object(entry, "an authorization detail");
            if (!DETAIL_TYPES.contains(detail.get("type"))) {
                continue; // another protocol's detail: not the hub's to read
            }
            Set<Grant.Action> actions = EnumSet.noneOf(Grant.Action.class);
            for (Object action : nonEmpty(list(detail.get("actions"), "a mercure detail's actions", 16), "actions")) {
                if (!(action instanceof String name)) {
                    throw new IllegalArgumentException("an action that is not a string: " + kind(action));
                }
                switch (name) { // an action the protocol does not define is ignored, as the protocol says
                    case "publish" -> actions.add(Grant.Action.PUBLISH);
                    case "subscribe" -> actions.add(Grant.Action.SUBSCRIBE);
                    default -> {}
                }
            }
            List<TopicSelector> selectors = new ArrayList<>();
            for (Object matcher :
                    nonEmpty(list(detail.get("topics"), "a mercure detail's topics", MAX_SELECTORS), "topics")) {
                selectors.add(matcher(object(matcher, "a topic matcher"), origin));
            }
            Object payload = detail.get("payload");
            grants.add(new Grant(actions, selectors, payload == null ? null : object(payload, "a payload")));
        }
        return grants;
    }

    private static TopicSelector matcher(Map<String, Object> matcher, @Nullable String origin) {
        if (!(matcher.get("match") instanceof String match)) {
            throw new IllegalArgumentException("a topic matcher without its match string");
        }
        // match_type (exact, urlpattern) as the specification spells it; matchType (Exact, URLPattern) as an earlier
        // revision did
        Object type = matcher.containsKey("match_type") ? matcher.get("match_type") : matcher.get("matchType");
        if (type == null || match.equals("*") || "exact".equals(type) || "Exact".equals(type)) {
            return TopicSelector.exact(match);
        }
        if ("urlpattern".equals(type) || "URLPattern".equals(type)) {
            return TopicSelector.urlPattern(match, origin);
        }
        throw new IllegalArgumentException("a match_type the protocol does not define: " + type);
    }

    private static List<TopicSelector> legacySelectors(@Nullable Object value, String what) {
        if (value == null) {
            return List.of();
        }
        List<TopicSelector> selectors = new ArrayList<>();
        for (Object selector : list(value, what, MAX_SELECTORS)) {
            if (!(selector instanceof String text)) {
                throw new IllegalArgumentException(what + " holds a " + kind(selector) + ", not a topic selector");
            }
            selectors.add(TopicSelector.legacy(text));
        }
        return selectors;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(@Nullable Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(what + " is a " + kind(value) + ", not an object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(@Nullable Object value, String what, int max) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(what + " is a " + kind(value) + ", not a list");
        }
        if (list.size() > max) {
            throw new IllegalArgumentException(what + " holds more than " + max + " entries");
        }
        return (List<Object>) list;
    }

    private static List<Object> nonEmpty(List<Object> list, String what) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("a mercure detail's " + what + " cannot be empty");
        }
        return list;
    }

    private static String kind(@Nullable Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName();
    }
}
