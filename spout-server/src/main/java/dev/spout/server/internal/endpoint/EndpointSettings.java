package dev.spout.server.internal.endpoint;

import dev.spout.server.internal.http.FormBody;
import java.util.List;
import org.eclipse.jetty.server.Server;

/**
 * What plain endpoints and static files share: the bounds of a body and of a form's fields, the origins allowed
 * across sites, the server.
 */
public record EndpointSettings(FormBody bodies, List<String> corsOrigins, Server server) {
    public EndpointSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
