package dev.spout.client.cli;

import dev.spout.client.MessageEvent;
import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/** How the tool prints an event: as the wire shows it, or as one line of JSON (written by Jackson's streaming API). */
final class EventFormat {
    /** Pure ASCII output: a terminal or a pipe in any encoding reads the same JSON. */
    private static final JsonFactory JSON =
            JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private EventFormat() {}

    /** The event as the wire shows it, with its type always and its id when it has one. */
    static String text(MessageEvent event) {
        var out = new StringBuilder();
        out.append("event: ").append(event.type()).append('\n');
        if (!event.lastEventId().isEmpty()) {
            out.append("id: ").append(event.lastEventId()).append('\n');
        }
        for (String line : event.data().split("\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }

    /** {"type":…,"data":…,"lastEventId":…}, on one line. */
    static String json(MessageEvent event) {
        var out = new StringWriter(event.data().length() + 64);
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("type", event.type());
            json.writeStringProperty("data", event.data());
            json.writeStringProperty("lastEventId", event.lastEventId());
            json.writeEndObject();
        }
        return out.toString();
    }
}
