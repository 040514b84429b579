package dev.spout.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Where a node stands in a stream, and what it makes of a stream that a failover changed, as tables: the ids the node
 * passed, what Redis has afterwards, and where the node goes on from. Ids are {@code <ms>-0}; the new master's
 * entries are {@code <ms>-9}, so that a test can put them anywhere, before the node's last id (a clock behind) or
 * after it.
 */
class StreamPositionTest {

    static String id(int ms) {
        return ms + "-0";
    }

    static String theirs(int ms) {
        return ms + "-9";
    }

    static StreamPosition passed(int from, int to) {
        var position = new StreamPosition();
        IntStream.rangeClosed(from, to).forEach(ms -> position.passed(id(ms)));
        return position;
    }

    @Test
    void aCatchUpGoesOnFromTheLastIdWhileTheStreamHasIt() {
        var position = passed(100, 110);
        assertThat(position.check(null, null, false)).isEqualTo(StreamPosition.Check.GOES_ON); // new to the topic
        assertThat(position.check(id(110), id(110), false)).isEqualTo(StreamPosition.Check.GOES_ON);
        assertThat(position.check(id(110), null, true))
                .as("the stream is gone and nothing new: nothing to deliver yet")
                .isEqualTo(StreamPosition.Check.GOES_ON);
        assertThat(position.check(id(110), null, false))
                .as("nothing left up to it, newer entries: trimmed past it")
                .isEqualTo(StreamPosition.Check.TRIMMED);
        assertThat(position.check(id(110), id(108), false))
                .as("older entries but not it: a failover lost it")
                .isEqualTo(StreamPosition.Check.DIVERGED);
    }

    @Test
    void anEntryAtOrBeforeTheLastIdWasHadUnlessItIsOneTheNodeNeverPassedWithinTheIdsItKept() {
        var position = passed(100, 110);
        assertThat(position.had(id(105))).isTrue();
        assertThat(position.had(id(110))).isTrue();
        assertThat(position.had(id(111))).isFalse();
        assertThat(position.had(id(50)))
                .as("older than those kept: taken as passed")
                .isTrue();
        assertThat(position.had(theirs(105)))
                .as("a new master's entry between two the node passed")
                .isFalse();
        assertThat(position.had(theirs(111)))
                .as("after the last id: simply new")
                .isFalse();
    }

    @Test
    void aFailoverThatLostTheLastEntriesGoesBackToTheLastOneRedisStillHas() {
        var position = passed(100, 110);
        // The replica had up to 107; the new master's clock was behind: its entries came at 108.9 and 109.9.
        position.diverged(
                List.of(
                        id(100),
                        id(101),
                        id(102),
                        id(103),
                        id(104),
                        id(105),
                        id(106),
                        id(107),
                        theirs(108),
                        theirs(109)),
                theirs(109));

        assertThat(position.lastId()).isEqualTo(id(107));
        assertThat(position.takeLoss()).contains("the last 3 events", "after " + id(107), "up to " + id(110));
        assertThat(position.takeLoss()).as("told once").isNull();
        assertThat(position.had(theirs(108))).as("the new master's, to deliver").isFalse();
        assertThat(position.had(id(109)))
                .as("lost, no longer among those passed")
                .isFalse();
        position.passed(theirs(108));
        assertThat(position.lastId()).isEqualTo(theirs(108));
    }

    @Test
    void aFailoverWithTheNewMastersIdsAfterTheLostOnesGoesBackAsWell() {
        var position = passed(100, 110);
        position.diverged(
                List.of(id(100), id(101), id(102), id(103), id(104), id(105), id(106), id(107), id(108)), id(108));
        assertThat(position.lastId()).isEqualTo(id(108));
        assertThat(position.takeLoss()).contains("the last 2 events");
    }

    @Test
    void aLossDeeperThanTheIdsKeptGoesOnAfterTheNewestEntryRedisHasBeforeThem() {
        var position = passed(100, 400); // keeps the last 128: 273 to 400; the replica had up to 250
        position.diverged(List.of(), id(250));
        assertThat(position.lastId()).isEqualTo(id(250));
        assertThat(position.takeLoss()).contains("the last 128 events", "or more", "goes on after " + id(250));
        assertThat(position.had(theirs(300)))
                .as("the new master's, after the node's new place")
                .isFalse();
    }

    @Test
    void withoutASurePlaceTheNodeStartsAgainFromTheLatestEntries() {
        var behind = passed(100, 400); // all 128 kept lost, and a new master whose clock is behind wrote among them
        behind.diverged(List.of(theirs(300), theirs(301)), theirs(301));
        assertThat(behind.lastId()).isNull();
        assertThat(behind.takeLoss()).contains("reads the latest events again");

        var notAPrefix = passed(100, 110); // a kept id after one the new master wrote: nothing to trust
        notAPrefix.diverged(List.of(id(100), id(101), theirs(101), id(102)), id(102));
        assertThat(notAPrefix.lastId()).isNull();
    }

    @Test
    void theIdsKeptAreTheLastOnesPassedAndRedisMayHaveTrimmedTheOldestOfThem() {
        var recent = new RecentIds();
        IntStream.rangeClosed(1, 300).forEach(ms -> recent.add(id(ms)));
        assertThat(recent.size()).isEqualTo(RecentIds.SIZE);
        assertThat(recent.oldest()).isEqualTo(id(300 - RecentIds.SIZE + 1));
        assertThat(recent.get(RecentIds.SIZE - 1)).isEqualTo(id(300));
        assertThat(recent.lastCommon(List.of(id(180), id(181), id(182))))
                .as("173 to 179 trimmed since, 183 to 300 lost")
                .isEqualTo(id(182));
        recent.keepUpTo(id(182));
        assertThat(recent.get(recent.size() - 1)).isEqualTo(id(182));
        assertThat(recent.has(id(183))).isFalse();
        recent.add(theirs(183));
        assertThat(recent.get(recent.size() - 1)).isEqualTo(theirs(183));
        assertThat(recent.oldest()).isEqualTo(id(173));
        recent.clear();
        assertThat(recent.oldest()).isNull();
        assertThat(recent.missing(id(5))).isFalse();
    }
}
