package dev.spout.engine.internal.topic;

import java.util.OptionalInt;

/**
 * Orders event ids where their form allows it: the decimal ids of the memory broker ({@code 1700000000000123}) and
 * the {@code millis-sequence} ids of Redis Streams ({@code 1700000000000-3}). Other ids are not comparable.
 */
public final class EventIds {
    private EventIds() {}

    public static OptionalInt compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        if (x == null || y == null) {
            return OptionalInt.empty();
        }
        int first = Long.compare(x[0], y[0]);
        return OptionalInt.of(first != 0 ? first : Long.compare(x[1], y[1]));
    }

    private static long[] parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 41) {
            return null;
        }
        int dash = id.indexOf('-');
        try {
            if (dash < 0) {
                return digitsOnly(id) ? new long[] {Long.parseLong(id), 0} : null;
            }
            String millis = id.substring(0, dash);
            String sequence = id.substring(dash + 1);
            return digitsOnly(millis) && digitsOnly(sequence)
                    ? new long[] {Long.parseLong(millis), Long.parseLong(sequence)}
                    : null;
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    private static boolean digitsOnly(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
