package dev.spout.bench;

import dev.spout.engine.topic.Topic;
import java.util.ArrayList;
import java.util.List;

/** The bench server's topics {@code t0} … {@code t<N-1>}, looked up by the names a request gives. */
final class BenchTopics {
    private final List<Topic> topics;

    BenchTopics(List<Topic> topics) {
        this.topics = List.copyOf(topics);
    }

    /** The named topics ({@code t0} if none are named), each once. */
    List<Topic> named(List<String> names) {
        if (names.isEmpty()) {
            return List.of(topics.getFirst());
        }
        List<Topic> chosen = new ArrayList<>(names.size());
        for (String name : names) {
            Topic topic = find(name);
            if (topic == null) {
                throw new UnknownTopicException(name, topics.size());
            }
            if (!chosen.contains(topic)) {
                chosen.add(topic);
            }
        }
        return chosen;
    }

    /** Whether every name is one of the topics. */
    boolean allKnown(List<String> names) {
        return names.stream().allMatch(name -> find(name) != null);
    }

    private Topic find(String name) {
        if (name.length() < 2 || name.charAt(0) != 't' || (name.length() > 2 && name.charAt(1) == '0')) {
            return null; // only the canonical spelling: t7, not t07
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return null;
            }
        }
        long index = name.length() > 8 ? Long.MAX_VALUE : Long.parseLong(name.substring(1));
        return index < topics.size() ? topics.get((int) index) : null;
    }

    /** A request named a topic the server does not have. */
    static final class UnknownTopicException extends IllegalArgumentException {
        UnknownTopicException(String name, int count) {
            super("No topic " + name + ": this server has t0 to t" + (count - 1));
        }
    }
}
