package dev.spout.engine.internal.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a stream of several topics stood in each when it saved this checkpoint: per topic (by name, in the order
 * of the stream's ids) an anchor event id and an offset from it. The stream's event ids then only count, per
 * topic, the events passed since ({@link StreamIds}). An empty anchor is the topic's beginning; an offset of -1 is
 * just before the anchor event.
 */
record Checkpoint(List<Place> places) {
    private static final int VERSION = 1;

    /** A topic's place: the {@code offset}-th event after {@code anchor}. */
    record Place(String topic, String anchor, long offset) {}

    /** The place of the topic of that name, with its index in the checkpoint, or null if the stream had none. */
    @Nullable
    Integer indexOf(String topic) {
        for (int i = 0; i < places.size(); i++) {
            if (places.get(i).topic().equals(topic)) {
                return i;
            }
        }
        return null;
    }

    byte[] encode() {
        var bytes = new ByteArrayOutputStream(16 + places.size() * 32);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(places.size());
            for (Place place : places) {
                out.writeUTF(place.topic());
                out.writeUTF(place.anchor());
                out.writeLong(place.offset());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** The checkpoint in the bytes, or null if they are not one (another version, damaged). */
    static @Nullable Checkpoint decode(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != VERSION) {
                return null;
            }
            int count = in.readInt();
            if (count < 0 || count > bytes.length) {
                return null;
            }
            List<Place> places = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String topic = in.readUTF();
                String anchor = in.readUTF();
                long offset = in.readLong();
                if (offset < -1) {
                    return null;
                }
                places.add(new Place(topic, anchor, offset));
            }
            return in.available() == 0 ? new Checkpoint(places) : null;
        } catch (IOException damaged) {
            return null;
        }
    }
}
