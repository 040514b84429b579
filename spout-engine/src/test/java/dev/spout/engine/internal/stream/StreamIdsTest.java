package dev.spout.engine.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ids of streams of several topics: what is written reads back, and what was not written reads as nothing. */
class StreamIdsTest {

    private static String write(long key, int[] counts) {
        Follower[] followers = new Follower[counts.length];
        for (int i = 0; i < counts.length; i++) {
            followers[i] = new Follower(null, null, null);
            followers[i].count = counts[i];
        }
        byte[] payload = new byte[StreamIds.maxPayload(counts.length)];
        int length = StreamIds.payload(payload, key, followers);
        ByteBuffer out = ByteBuffer.allocate(StreamIds.maxLine(payload.length));
        StreamIds.writeLine(out, payload, length);
        String line = new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII);
        assertThat(line).startsWith("id:~").endsWith("\n");
        return line.substring(3, line.length() - 1);
    }

    @Test
    void whatIsWrittenReadsBackTopicByTopic() {
        int[] counts = {0, 3, 0, 0, 200, 1, 70_000};
        String id = write(0x0123456789abcdefL, counts);
        assertThat(id).matches("~[A-Za-z0-9_-]+");
        StreamIds.Decoded decoded = StreamIds.decode(id);
        assertThat(decoded).isNotNull();
        assertThat(decoded.key()).isEqualTo(0x0123456789abcdefL);
        for (int i = 0; i < counts.length; i++) {
            assertThat(decoded.count(i)).as("topic %d", i).isEqualTo(counts[i]);
        }
    }

    @Test
    void aStreamWithNothingPassedYetHasTheShortestId() {
        String id = write(-1L, new int[100]);
        assertThat(id).hasSize(1 + 12); // nine bytes of base64
        assertThat(StreamIds.decode(id).indexes()).isEmpty();
    }

    @Test
    void anythingElseDecodesToNothing() {
        for (String id : List.of("", "~", "1700000000000000", "12-3", "~%%%", "~AAAA", "~" + "A".repeat(5000), "~Ag")) {
            assertThat(StreamIds.decode(id)).as(id).isNull();
        }
        String good = write(7, new int[] {1, 2});
        assertThat(StreamIds.decode(good.substring(0, good.length() - 1)))
                .as("cut short")
                .isNull();
    }
}
