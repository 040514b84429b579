package dev.spout.engine.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which {@code Accept} headers take an event stream, and which are a browser's navigation, as tables (several
 * header values split by {@code |}).
 */
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
                "*/*# true",
                "text/*# true",
                "application/json, */*;q=0.01# true",
                "*/*;q=0# false",
                "text/event-stream;q=0, */*# false",
                "text/*;q=0, */*# false",
                "text/*;q=0, text/event-stream# true",
                "'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'# true",
            })
    void theMostSpecificRangeGivesTheStreamsQuality(String header, boolean takes) {
        assertThat(AcceptHeader.read(Arrays.asList(header.split("\\|"))).takesStream())
                .isEqualTo(takes);
    }

    @Test
    void noAcceptAtAllTakesAnything() {
        assertThat(AcceptHeader.read(List.of()).takesStream()).isTrue();
        assertThat(AcceptHeader.read(List.of("")).takesStream()).isTrue();
        assertThat(AcceptHeader.read(List.of(" , ")).takesStream()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'# true",
                "text/html# true",
                "application/xhtml+xml# true",
                "text/html;q=0, */*# false",
                "text/html, text/event-stream# false",
                "text/event-stream# false",
                "*/*# false",
            })
    void aBrowsersNavigationNamesHtmlAndNotEventStreams(String header, boolean navigation) {
        assertThat(AcceptHeader.read(Arrays.asList(header.split("\\|"))).isNavigation())
                .isEqualTo(navigation);
    }
}
