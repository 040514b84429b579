package dev.spout.server.internal.endpoint;

import java.util.List;
import org.eclipse.jetty.server.Server;

/** What plain endpoints and static files share: the body bound, the origins allowed across sites, the server. */
public record EndpointSettings(int maxRequestBody, List<String> corsOrigins, Server server) {
    public EndpointSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
