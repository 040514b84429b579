package dev.spout.engine.internal.stream;

import dev.spout.broker.internal.log.Logs;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;

/**
 * Saves a stream's checkpoint, when its {@link CheckpointSchedule} says one is due: outside the stream's lock (the
 * store may be a Redis away), and the stream writes again once it is saved, or has failed (logged; its ids then
 * resume by the topics' gap policy). A checkpoint that continues ids the client can resume from exactly is never
 * refused for its client's share of the {@link CheckpointBudget}.
 */
final class CheckpointSaving {
    private static final Logger LOG = Logs.logger(CheckpointSaving.class);

    private CheckpointSaving() {}

    static void save(EventStream stream, TopicSet topics, TopicSet.Save save) {
        boolean exact;
        synchronized (stream) {
            exact = topics.checkpoints.exact();
        }
        CompletableFuture<Void> saved;
        try {
            saved = stream.streams.checkpoints.save(
                    save.keyText(), save.checkpoint().encode(), topics.checkpoints.ttl, exact ? null : stream.address);
        } catch (RuntimeException failure) {
            saved = CompletableFuture.failedFuture(failure);
        }
        saved.whenComplete((done, failure) -> {
            if (failure instanceof CheckpointBudget.Refused refused) {
                LOG.debug("The stream {} goes on without exact resume: {}", stream, refused.getMessage());
            } else if (failure != null) {
                LOG.warn("The stream {} could not save its place in its topics: {}", stream, failure.toString());
            }
            synchronized (stream) {
                topics.saved(save, failure == null, System.nanoTime());
            }
            stream.writePending();
        });
    }
}
