package dev.spout.bench;

import java.util.Locale;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of a bench server that listens on loopback: a request must name a loopback host ({@code localhost},
 * {@code 127.x.y.z}, {@code [::1]}), or it is refused with {@code 421}. The bench server has no credentials (its
 * {@code POST /publish} publishes whatever it is sent), so a page of another site must not reach it through a
 * browser on the same machine: a DNS-rebinding page names its own host, whose address it has turned to 127.0.0.1,
 * and its requests carry an {@code Origin} that matches that {@code Host}, so the same-origin check alone lets them
 * through.
 */
final class LoopbackHosts extends Handler.Wrapper {

    LoopbackHosts(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!isLoopbackName(Request.getServerName(request))) {
            Response.writeError(
                    request, response, callback, 421, "This bench server answers requests for a loopback host only");
            return true;
        }
        return super.handle(request, response, callback);
    }

    static boolean isLoopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost")
                || name.endsWith(".localhost")
                || name.equals("::1")
                || name.equals("0:0:0:0:0:0:0:1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
