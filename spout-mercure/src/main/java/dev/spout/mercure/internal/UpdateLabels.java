package dev.spout.mercure.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * How an update's Mercure topics and privacy travel with its event through the engine and the broker: as the event's
 * labels, the first {@code "private"} or {@code "public"}, then its topics (canonical first). Every node reads them
 * back to filter for its own subscribers.
 *
 * <pre>{@code
 * log.publish(event, UpdateLabels.of(update));
 * }</pre>
 */
final class UpdateLabels {
    static final String PRIVATE = "private";
    static final String PUBLIC = "public";

    private UpdateLabels() {}

    static List<String> of(Update update) {
        List<String> labels = new ArrayList<>(2 + update.alternates().size());
        labels.add(update.isPrivate() ? PRIVATE : PUBLIC);
        labels.addAll(update.topics());
        return labels;
    }

    /** Whether the labels are the hub's: its privacy first, then at least one topic. */
    static boolean isHubs(List<String> labels) {
        if (labels.size() < 2) {
            return false;
        }
        String first = labels.getFirst();
        return first.equals(PRIVATE) || first.equals(PUBLIC);
    }

    static boolean isPrivate(List<String> labels) {
        return !labels.isEmpty() && labels.getFirst().equals(PRIVATE);
    }

    /** The update's topics; empty for an event the hub did not publish (it has no labels, or not the hub's). */
    static List<String> topics(List<String> labels) {
        if (labels.isEmpty()
                || !(labels.getFirst().equals(PRIVATE) || labels.getFirst().equals(PUBLIC))) {
            return List.of();
        }
        return labels.subList(1, labels.size());
    }
}
