package dev.spout.engine.internal.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The event ids of a stream of several topics: {@code ~} and, in URL-safe base64 without padding, a version byte,
 * the 8-byte key of the stream's checkpoint (its starting place in each topic, kept by the broker so every node
 * finds it), then for each topic that has had events since, its index in the checkpoint (as the gap from the
 * previous one) and how many of its events the stream has passed, as unsigned varints. One header line, and short:
 * the stream saves a new checkpoint before the list grows past a few topics ({@link TopicSet}).
 *
 * <p>Written straight into the write buffer from a scratch array, without allocating per event: the JDK's encoder
 * takes whole arrays only, hence the few lines of base64 here.
 */
final class StreamIds {
    static final byte PREFIX = '~';
    private static final byte VERSION = 1;
    private static final int MAX_ID_CHARS = 4096;
    private static final byte[] ID_FIELD = "id:~".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);

    private StreamIds() {}

    /** A decoded id: the checkpoint key, and the count of events passed per checkpoint index (0 if absent). */
    record Decoded(long key, int[] indexes, int[] counts) {
        long count(int index) {
            for (int i = 0; i < indexes.length; i++) {
                if (indexes[i] == index) {
                    return counts[i];
                }
            }
            return 0;
        }
    }

    /**
     * The bytes of an id's payload for a key and the followers' counts: writes them into {@code scratch}, returns
     * the length.
     */
    static int payload(byte[] scratch, long key, Follower[] followers) {
        int at = 0;
        scratch[at++] = VERSION;
        for (int shift = 56; shift >= 0; shift -= 8) {
            scratch[at++] = (byte) (key >>> shift);
        }
        int previous = -1;
        for (int i = 0; i < followers.length; i++) {
            int count = followers[i].count;
            if (count > 0) {
                at = varint(scratch, at, i - previous - 1);
                at = varint(scratch, at, count);
                previous = i;
            }
        }
        return at;
    }

    /** The most bytes a payload for that many topics takes. */
    static int maxPayload(int topics) {
        return 9 + topics * 10;
    }

    /** The most bytes an {@code id:} line with a payload of that size takes. */
    static int maxLine(int payloadBytes) {
        return ID_FIELD.length + (payloadBytes + 2) / 3 * 4 + 1;
    }

    /** Writes {@code id:~<base64url(payload)>} and the line's end. */
    static void writeLine(ByteBuffer out, byte[] payload, int length) {
        out.put(ID_FIELD);
        int i = 0;
        for (; i + 3 <= length; i += 3) {
            int bits = (payload[i] & 0xff) << 16 | (payload[i + 1] & 0xff) << 8 | (payload[i + 2] & 0xff);
            out.put(ALPHABET[bits >>> 18])
                    .put(ALPHABET[(bits >>> 12) & 63])
                    .put(ALPHABET[(bits >>> 6) & 63])
                    .put(ALPHABET[bits & 63]);
        }
        if (length - i == 1) {
            int bits = (payload[i] & 0xff) << 16;
            out.put(ALPHABET[bits >>> 18]).put(ALPHABET[(bits >>> 12) & 63]);
        } else if (length - i == 2) {
            int bits = (payload[i] & 0xff) << 16 | (payload[i + 1] & 0xff) << 8;
            out.put(ALPHABET[bits >>> 18]).put(ALPHABET[(bits >>> 12) & 63]).put(ALPHABET[(bits >>> 6) & 63]);
        }
        out.put((byte) '\n');
    }

    /** Whether the id has the form of a stream-of-topics id (it may still be bad). */
    static boolean looksComposite(String id) {
        return !id.isEmpty() && id.charAt(0) == PREFIX;
    }

    /** The id's key and counts, or null if it is not one this version wrote (forged, cut short, another form). */
    static @Nullable Decoded decode(String id) {
        if (!looksComposite(id) || id.length() > MAX_ID_CHARS) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(id.substring(1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (bytes.length < 9 || bytes[0] != VERSION) {
            return null;
        }
        long key = 0;
        for (int i = 1; i <= 8; i++) {
            key = key << 8 | (bytes[i] & 0xff);
        }
        int pairs = 0;
        int[] indexes = new int[(bytes.length - 9) / 2];
        int[] counts = new int[indexes.length];
        int[] at = {9};
        int index = -1;
        while (at[0] < bytes.length) {
            long gap = readVarint(bytes, at);
            long count = readVarint(bytes, at);
            if (gap < 0 || count <= 0 || index + gap + 1 > Integer.MAX_VALUE) {
                return null;
            }
            index += (int) gap + 1;
            indexes[pairs] = index;
            counts[pairs++] = (int) count;
        }
        return new Decoded(key, java.util.Arrays.copyOf(indexes, pairs), java.util.Arrays.copyOf(counts, pairs));
    }

    private static int varint(byte[] out, int at, int value) {
        while ((value & ~0x7f) != 0) {
            out[at++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out[at++] = (byte) value;
        return at;
    }

    /** An unsigned varint of at most 31 bits, or -1 if malformed; advances {@code at[0]}. */
    private static long readVarint(byte[] in, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (at[0] >= in.length) {
                return -1;
            }
            int b = in[at[0]++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value > Integer.MAX_VALUE ? -1 : value;
            }
        }
        return -1;
    }
}
