package dev.spout.engine.internal.topic;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fan-out pass over a big topic's subscribers, cut into shards so that each core writes to its share and the last
 * subscribers wait less. The calling thread claims shards itself, and pool threads help as they become free: a shard
 * is only waited for once a running thread has claimed it, so the pass never waits for a pool thread to become free.
 * (Waiting for queued tasks instead could deadlock a bounded pool whose threads are all in passes of their own.)
 */
final class ShardedPass implements Runnable {

    /** Tells the subscribers {@code [from, to)} of the pass. */
    @FunctionalInterface
    interface Shard {
        void tell(int from, int to);
    }

    private final int length;
    private final int shards;
    private final int size;
    private final Shard shard;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;

    private ShardedPass(int length, int shards, Shard shard) {
        this.length = length;
        this.shards = shards;
        this.size = (length + shards - 1) / shards;
        this.shard = shard;
        this.done = new CountDownLatch(shards);
    }

    /** Runs the pass over {@code length} subscribers in {@code shards} parts, and returns when all are told. */
    static void run(int length, int shards, Executor helpers, Shard shard) {
        var pass = new ShardedPass(length, shards, shard);
        for (int helper = 1; helper < shards; helper++) {
            try {
                helpers.execute(pass);
            } catch (RejectedExecutionException stopping) {
                break; // the calling thread claims what no helper takes
            }
        }
        pass.run();
        pass.awaitClaimedShards();
    }

    @Override
    public void run() {
        int claimed;
        while ((claimed = next.getAndIncrement()) < shards) {
            int from = claimed * size;
            try {
                shard.tell(Math.min(length, from), Math.min(length, from + size));
            } finally {
                done.countDown();
            }
        }
    }

    private void awaitClaimedShards() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
