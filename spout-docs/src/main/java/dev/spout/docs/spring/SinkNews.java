package dev.spout.docs.spring;

// snippet:spring-sink
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
// snippet:end

/** What Spout replaces in a WebFlux application: a broadcast through a Reactor sink. */
@org.springframework.web.bind.annotation.RestController
class SinkNews {
    // snippet:spring-sink
    // WebFlux
    private final Sinks.Many<ServerSentEvent<String>> sink =
            Sinks.many().multicast().directBestEffort();

    @GetMapping(path = "/news", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> stream() {
        return sink.asFlux();
    }

    void publish(String item) {
        sink.tryEmitNext(ServerSentEvent.builder(item).build());
    }
    // snippet:end
}
