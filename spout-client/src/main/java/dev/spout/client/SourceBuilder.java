package dev.spout.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The settings of an event source being built, with a browser's defaults; see {@link EventSource.Builder}. */
final class SourceBuilder implements EventSource.Builder {
    private final URI url;
    private String method = "GET";
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable HttpClient client;
    private String lastEventId = "";
    private Duration reconnectionTime = Duration.ofSeconds(3);
    private Backoff backoff = Backoff.exponential();
    private Duration readTimeout = Duration.ZERO;
    private Duration responseTimeout = Duration.ofSeconds(30);
    private int maxEventBytes = dev.spout.sse.SseParser.DEFAULT_MAX_EVENT_BYTES;
    private boolean crossOriginRedirects;
    private boolean retryServerErrors;
    private boolean reconnect = true;
    private int queueCapacity = 1024;

    SourceBuilder(URI url) {
        this.url = Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("An event source needs an http or https URL, got " + url);
        }
    }

    @Override
    public SourceBuilder header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    @Override
    public SourceBuilder method(String method, String body) {
        return method(method, HttpRequest.BodyPublishers.ofString(Objects.requireNonNull(body, "body")));
    }

    @Override
    public SourceBuilder method(String method, HttpRequest.BodyPublisher body) {
        this.method = Objects.requireNonNull(method, "method");
        this.body = Objects.requireNonNull(body, "body");
        return this;
    }

    @Override
    public SourceBuilder httpClient(HttpClient client) {
        Objects.requireNonNull(client, "client");
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("An event source's HttpClient must not follow redirects itself "
                    + "(it would send custom headers to other hosts): build it with Redirect.NEVER");
        }
        this.client = client;
        return this;
    }

    @Override
    public SourceBuilder responseTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The response timeout must be positive, got " + timeout);
        }
        this.responseTimeout = timeout;
        return this;
    }

    @Override
    public SourceBuilder maxEventSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("The event size bound must be at least one byte, got " + bytes);
        }
        this.maxEventBytes = bytes;
        return this;
    }

    @Override
    public SourceBuilder followCrossOriginRedirects(boolean follow) {
        this.crossOriginRedirects = follow;
        return this;
    }

    @Override
    public SourceBuilder lastEventId(String id) {
        this.lastEventId = Objects.requireNonNull(id, "id");
        return this;
    }

    @Override
    public SourceBuilder reconnectionTime(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("The reconnection time must not be negative, got " + delay);
        }
        this.reconnectionTime = delay;
        return this;
    }

    @Override
    public SourceBuilder backoff(Backoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        return this;
    }

    @Override
    public SourceBuilder readTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The read timeout must not be negative, got " + timeout);
        }
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public SourceBuilder retryServerErrors(boolean retry) {
        this.retryServerErrors = retry;
        return this;
    }

    @Override
    public SourceBuilder reconnect(boolean reconnect) {
        this.reconnect = reconnect;
        return this;
    }

    @Override
    public SourceBuilder queueCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The queue capacity must be at least 1, got " + capacity);
        }
        this.queueCapacity = capacity;
        return this;
    }

    @Override
    public EventSource connect() {
        var pull = new Delivery.Pull(queueCapacity);
        return new EventSource(url, new StreamLoop(settings(), pull), pull);
    }

    @Override
    public EventSource connect(EventSourceListener listener) {
        return new EventSource(
                url, new StreamLoop(settings(), new Delivery.Push(Objects.requireNonNull(listener))), null);
    }

    private StreamLoop.Settings settings() {
        return new StreamLoop.Settings(
                url,
                method,
                body,
                Map.copyOf(headers),
                client == null ? EventSource.DEFAULT_CLIENT : client,
                client == null,
                lastEventId,
                reconnectionTime,
                backoff,
                readTimeout,
                responseTimeout,
                maxEventBytes,
                crossOriginRedirects,
                retryServerErrors,
                reconnect);
    }
}
