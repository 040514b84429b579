package dev.spout.spring;

import dev.spout.sse.InvalidEventException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a controller that built an event Spout cannot send ({@link InvalidEventException}: a line break in its
 * name or id, a lone surrogate in its text) with {@code 400} and a problem detail (RFC 9457) that says which rule the
 * event broke, rather than Spring's bare {@code 500}: such values nearly always come from the request (a publish
 * endpoint that takes the event's type from a form). Last in order, so an application's own handler of the exception
 * (in its controller or in an advice of its own) answers instead; works in Spring MVC and WebFlux alike.
 *
 * <pre>{@code
 * // POST /news?type=a%0Ab to a controller that calls news.publish(SseEvent.of(body).withEvent(type))
 * // 400 {"title":"The event cannot be sent","detail":"An SSE event name must not contain a line feed (LF) (at index 1): ..."}
 * }</pre>
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class InvalidEventAdvice {

    /** The event's problem, as a {@code 400} problem detail. */
    @ExceptionHandler(InvalidEventException.class)
    public ResponseEntity<ProblemDetail> invalidEvent(InvalidEventException invalid) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setTitle("The event cannot be sent");
        return ResponseEntity.badRequest().body(problem);
    }
}
