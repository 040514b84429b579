package dev.spout.spring;

import dev.spout.servlet.ServletClientRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.servlet.HandlerMapping;

/** Spring MVC's path variables, where Spout's {@code ClientRequest.pathParameter} finds them. */
final class PathVariables {
    private PathVariables() {}

    static void expose(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            request.setAttribute(ServletClientRequest.PATH_PARAMETERS, variables);
        }
    }

    static void expose(HttpServletRequest request, Map<String, String> variables) {
        request.setAttribute(ServletClientRequest.PATH_PARAMETERS, variables);
    }
}
