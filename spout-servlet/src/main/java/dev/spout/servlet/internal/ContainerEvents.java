package dev.spout.servlet.internal;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.stream.CloseReason;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;

/**
 * What the container says of a stream's exchange as a whole (its {@code AsyncListener}): the response completed on
 * its own, timed out, or failed because the client is gone. Each ends the stream; an error also makes sure the async
 * context is completed before the container's error handling goes on.
 */
final class ContainerEvents implements AsyncListener {
    private static final Logger LOG = Logs.logger(ContainerEvents.class);
    private static final long COMPLETE_WAIT_SECONDS = 10; // a container call of ours lasts microseconds

    private final ServletExchange exchange;

    ContainerEvents(ServletExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        if (exchange.containerCompleted()) {
            exchange.stream().clientGone(new EofException("The container completed the stream's response"));
            exchange.stream().exchangeEnded();
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        exchange.stream().clientGone(new EofException("The container timed the stream's response out"));
    }

    /**
     * The container says the client is gone. The async context is completed before this returns, by this thread or
     * by one of ours coming out of a container call: the Servlet rule is that an error no listener completed goes on
     * to the application's error page, a second answer to a request that has one, and Tomcat refuses a {@code
     * complete()} from another thread once this has returned.
     */
    @Override
    public void onError(AsyncEvent event) {
        Throwable cause = event.getThrowable() != null
                ? event.getThrowable()
                : new EofException("The container reported an error on the stream");
        exchange.onError(cause);
        exchange.end(new CloseReason.ClientGone(cause)); // if the stream had ended already, its exchange may not have
        try {
            if (!exchange.awaitCompleteCalled(COMPLETE_WAIT_SECONDS)) {
                LOG.warn(
                        "The stream {} was not completed within {} s of its error: the container may answer it again",
                        exchange.stream(),
                        COMPLETE_WAIT_SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        // A complete() made before the container began handling the error is undone by it (Tomcat's state goes
        // from completing back to error): it must be made again, here, where it is always allowed.
        try {
            if (exchange.async().getRequest().isAsyncStarted()) {
                exchange.async().complete();
            }
        } catch (IllegalStateException alreadyDone) {
            // completed meanwhile: what this was for
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}
}
