package dev.spout.server.internal.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;

/**
 * Jetty's h2c upgrade, except for a request whose body is chunked: Jetty upgrades it and hands the request to the
 * application with an empty body, then resets the stream (seen with the JDK's HTTP client, which asks every first
 * request on a connection to upgrade; {@code HttpEndpointTest} shows it). Such a request stays on HTTP/1.1, where its
 * body arrives whole; the connection may upgrade on a later request.
 */
public final class H2cUpgrade extends HTTP2CServerConnectionFactory {
    public H2cUpgrade(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection upgradeConnection(
            Connector connector, EndPoint endPoint, MetaData.Request request, HttpFields.Mutable response) {
        if (request.getHttpFields().contains(HttpHeader.TRANSFER_ENCODING)) {
            return null;
        }
        return super.upgradeConnection(connector, endPoint, request, response);
    }
}
