package dev.spout.server.http;

import dev.spout.engine.HttpStatusException;
import dev.spout.server.auth.SpoutRequest;
import java.util.Optional;

/**
 * A request to a plain endpoint: everything a {@link SpoutRequest} offers (path parameters, query, headers, the
 * session and its user), and the body. The body is read before the handler runs, at most {@code
 * SpoutOptions.maxRequestBody} bytes (a bigger one is answered {@code 413} without calling the handler); a form
 * body's fields are also {@link #formParameter form parameters}.
 *
 * <pre>{@code
 * app.post("/notes/{id}", request -> {
 *     Note note = request.json(Note.class);
 *     notes.put(request.pathParameter("id").orElseThrow(), note);
 *     return HttpResponse.noContent();
 * });
 * }</pre>
 */
public interface HttpRequest extends SpoutRequest {

    /** The body's {@code Content-Type}, if the client sent one (for example {@code application/json}). */
    Optional<String> contentType();

    /** The body's bytes (empty for a request without one). The array is a copy: the caller may keep it. */
    byte[] bytes();

    /**
     * The body as text, decoded as UTF-8 (or the {@code charset} of its content type).
     *
     * @throws HttpStatusException 400 if the bytes are not text in that charset
     */
    String text();

    /**
     * The body as JSON, bound by Jackson to the type (a record, a class, {@code Map.class}, Jackson's {@code
     * JsonNode}).
     *
     * @throws HttpStatusException 415 if the content type is not JSON, 400 (with Jackson's reason) if the body is not
     *     JSON of that type
     */
    <T> T json(Class<T> type);
}
