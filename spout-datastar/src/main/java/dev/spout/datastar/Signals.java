package dev.spout.datastar;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signals a Datastar request carries: on a {@code GET}, the URL's {@code datastar} query parameter; on any other
 * method, the JSON body. Reading is bounded (size and nesting), since a stranger writes the request, and a request
 * whose signals are not a JSON object is refused with {@link InvalidSignalsException}, a clear message to answer with
 * a {@code 400}.
 *
 * <pre>{@code
 * routes.sse("/search", sse -> {
 *     Map<String, Object> signals = Signals.read(sse.request().queryParameter("datastar").orElse("{}"));
 *     sse.send(PatchElements.of(results(signals.get("query"))).event());
 * });
 * record Form(String query, int page) {}
 * Form form = Signals.read(request.text(), Form.class);   // a POST's body, bound to a record
 * }</pre>
 */
public final class Signals {
    /** The most characters of signals read from one request. */
    public static final int MAX_LENGTH = 1 << 20;

    /** The deepest nesting of objects and arrays read. */
    public static final int MAX_DEPTH = 32;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_LENGTH)
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .build();

    private Signals() {}

    /**
     * The signals as a map (nested objects as maps, arrays as lists, numbers as Integer, Long, Double or BigInteger).
     *
     * @throws InvalidSignalsException if the text is longer than {@link #MAX_LENGTH}, deeper than
     *     {@link #MAX_DEPTH}, or not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(String json) {
        return MAPPER.convertValue(tree(json), Map.class);
    }

    /**
     * The signals bound to a type (a record, a bean), as Jackson binds JSON; signals the type has no property for
     * are refused, as Jackson does by default.
     *
     * @throws InvalidSignalsException if the text is not a JSON object of that type, or too long or deep
     */
    public static <T> T read(String json, Class<T> type) {
        JsonNode tree = tree(json);
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JacksonException wrong) {
            throw new InvalidSignalsException(
                    "The signals do not fit a " + type.getSimpleName() + ": " + wrong.getOriginalMessage(), wrong);
        }
    }

    static String write(Object signals) {
        JsonNode tree;
        try {
            tree = MAPPER.valueToTree(signals);
        } catch (JacksonException unwritable) {
            throw new IllegalArgumentException(
                    "Signals must write as JSON: " + unwritable.getOriginalMessage(), unwritable);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("Signals are a JSON object (a map, a record, a bean), not "
                    + (tree == null ? "null" : tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        return MAPPER.writeValueAsString(tree);
    }

    static void requireObject(String json) {
        tree(json);
    }

    private static JsonNode tree(String json) {
        if (json.length() > MAX_LENGTH) {
            throw new InvalidSignalsException(
                    "Signals are at most " + MAX_LENGTH + " characters, got " + json.length());
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException bad) {
            throw new InvalidSignalsException("Signals are not JSON: " + bad.getOriginalMessage(), bad);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidSignalsException("Signals are a JSON object ({...}), got: " + DataLines.abbreviate(json));
        }
        return tree;
    }
}
