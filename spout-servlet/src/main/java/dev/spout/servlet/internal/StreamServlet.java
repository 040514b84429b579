package dev.spout.servlet.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;

/**
 * A servlet that answers every request with one kind of stream. It answers every method, so that a POST gets
 * Spout's {@code 405} with {@code Allow: GET}, as on Spout's own server.
 */
public final class StreamServlet extends HttpServlet {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What the servlet does with a request: opens its stream, or refuses it. */
    @FunctionalInterface
    public interface Answer {
        void answer(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    private final transient Answer answer;

    public StreamServlet(Answer answer) {
        this.answer = answer;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        answer.answer(request, response);
    }
}
