package dev.spout.engine.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which {@code Accept} headers take an event stream, as a table (several header values split by {@code |}). */
class AcceptHeaderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "text/event-stream# true",
                "TEXT/Event-Stream# true",
                "text/html, text/event-stream# true",
                "text/html|text/event-stream# true",
                "text/event-stream;q=0.5# true",
                "text/event-stream ; q=1.0 ; charset=utf-8# true",
                "text/event-stream;q=0# false",
                "text/event-stream;q=0.000, text/html# false",
                "text/event-stream;q=zero# false",
                "text/html# false",
                "text/event-streams# false",
                "'text/html;x=\"a,text/event-stream\"'# false",
                "application/json, text/plain# false",
            })
    void aRangeOfNonZeroQualityTakesTheStream(String header, boolean takes) {
        assertThat(AcceptHeader.takes(Arrays.asList(header.split("\\|")), "text/event-stream"))
                .isEqualTo(takes);
    }
}
