package dev.spout.engine.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.broker.Checkpoints;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The checkpoint budget's policy as a table of saves: who may save, who may not, and what frees a place. */
class CheckpointBudgetTest {
    static final byte[] VALUE = {1};
    static final Duration HOUR = Duration.ofHours(1);

    final CheckpointBudget budget = new CheckpointBudget(Checkpoints.inMemory(), 20, 3);
    int keys;

    boolean save(String address, Duration ttl) {
        CompletableFuture<Void> saved = budget.save("k" + keys++, VALUE, ttl, address);
        return !saved.isCompletedExceptionally();
    }

    @Test
    void aClientWithNoPlaceBehindItKeepsItsShareAndNoMore() {
        assertThat(save("192.0.2.1", HOUR)).isTrue();
        assertThat(save("192.0.2.1", HOUR)).isTrue();
        assertThat(save("192.0.2.1", HOUR)).isTrue();
        assertThat(save("192.0.2.1", HOUR)).as("its fourth").isFalse();
        assertThat(save("192.0.2.2", HOUR)).as("another client").isTrue();
        assertThat(save(null, HOUR))
                .as("a stream that resumes exactly, from the same client")
                .isTrue();
        assertThat(budget.live()).isEqualTo(5);
    }

    @Test
    void oneIpv6ClientIsItsWhole64() {
        assertThat(save("2001:db8:1:2:0:0:0:1", HOUR)).isTrue();
        assertThat(save("2001:db8:1:2:ffff:0:0:2", HOUR)).isTrue();
        assertThat(save("2001:db8:1:2::3", HOUR)).isTrue();
        assertThat(save("2001:db8:1:2:abcd::4", HOUR)).as("the same /64").isFalse();
        assertThat(save("2001:db8:1:3::1", HOUR)).as("the next /64").isTrue();
    }

    @Test
    void aTenthIsKeptForStreamsThatResumeExactly() {
        for (int client = 0; client < 18; client++) {
            assertThat(save("192.0.2." + client, HOUR)).isTrue();
        }
        assertThat(save("192.0.2.100", HOUR)).as("nine tenths are taken").isFalse();
        assertThat(save(null, HOUR)).isTrue();
        assertThat(save(null, HOUR)).isTrue();
        assertThat(save(null, HOUR)).as("the whole budget is taken").isFalse();
        assertThat(budget.live()).isEqualTo(20);
    }

    @Test
    void anExpiredCheckpointGivesItsPlaceBack() {
        assertThat(save("192.0.2.1", Duration.ZERO)).isTrue();
        assertThat(save("192.0.2.1", Duration.ZERO)).isTrue();
        assertThat(save("192.0.2.1", Duration.ZERO)).isTrue();
        assertThat(save("192.0.2.1", HOUR))
                .as("the three before it have expired")
                .isTrue();
        assertThat(budget.live()).isEqualTo(1);
    }

    @Test
    void aRefusedSaveNeverReachesTheStore() {
        for (int i = 0; i < 3; i++) {
            save("192.0.2.1", HOUR);
        }
        var refused = budget.save("refused", VALUE, HOUR, "192.0.2.1");
        assertThat(refused).isCompletedExceptionally();
        assertThat(budget.load("refused")).isEmpty();
        assertThat(budget.load("k0")).isPresent();
    }
}
