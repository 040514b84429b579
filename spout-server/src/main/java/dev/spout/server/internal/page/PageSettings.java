package dev.spout.server.internal.page;

import dev.spout.server.internal.http.FormBody;
import dev.spout.server.page.PageTemplate;
import java.util.List;

/**
 * The application's settings that pages and ajax endpoints follow.
 *
 * @param loginPath where a page that requires a user sends a stranger
 * @param csrfProtection whether unsafe requests are checked for cross-site forgery
 * @param corsOrigins other origins whose pages may call this application
 * @param template what wraps every page that does not opt out, or null
 * @param forms the bounds of a form posted to a page or an ajax endpoint
 */
public record PageSettings(
        String loginPath, boolean csrfProtection, List<String> corsOrigins, PageTemplate template, FormBody forms) {
    public PageSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
