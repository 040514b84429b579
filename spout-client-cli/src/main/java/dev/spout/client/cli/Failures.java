package dev.spout.client.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * What went wrong, in words a person at a terminal can act on. The JDK's HTTP client often reports a refused
 * connection as a {@code ConnectException} with no message at all ("null"), so the tool names the failure from its
 * kind and the URL's host and port.
 */
final class Failures {
    private Failures() {}

    static String describe(Throwable failure, URI url) {
        String where = url.getHost() + ":" + port(url);
        // A name that does not resolve first: the JDK's client reports it as a ConnectException caused by an
        // UnresolvedAddressException, which is no refusal by a server.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host " + url.getHost() + " (is the name right?)";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case HttpConnectTimeoutException timeout -> {
                    return "connecting to " + where + " timed out";
                }
                case ConnectException refused -> {
                    return "connection refused by " + where + " (is the server running?)";
                }
                case NoRouteToHostException noRoute -> {
                    return "no route to " + where;
                }
                case SSLException tls -> {
                    return "TLS with " + where + " failed: " + message(tls);
                }
                case HttpTimeoutException timeout -> {
                    return "no answer from " + where + " in time";
                }
                default -> {}
            }
        }
        return message(failure);
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
