package dev.spout.examples.spring;

import dev.spout.engine.stream.SseHandler;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's time server: each browser's stream is a loop of its own, on a virtual thread, that sends the time and
 * sleeps a second. Spout ends the loop (its sleep is interrupted) when the browser leaves.
 */
@RestController
class ClockController {
    /** Like CHICKEN's {@code seconds->string}: Mon Jul 7 22:12:28 2014. */
    static final DateTimeFormatter SECONDS_TO_STRING =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);

    @GetMapping("/clock/sse")
    SseHandler clock() {
        return sse -> {
            while (true) {
                sse.send(
                        now(),
                        "message",
                        String.valueOf(ThreadLocalRandom.current().nextInt(10)));
                Thread.sleep(1000);
            }
        };
    }

    static String now() {
        return ZonedDateTime.now().format(SECONDS_TO_STRING);
    }
}
