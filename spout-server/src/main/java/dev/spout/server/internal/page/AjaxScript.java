package dev.spout.server.internal.page;

import dev.spout.server.page.AjaxOptions;

/** An ajax binding's options as the JavaScript object literal that spout.js's {@code Spout.bind} takes. */
final class AjaxScript {
    private AjaxScript() {}

    static String options(AjaxOptions options) {
        var js = new StringBuilder("{method: ")
                .append(JavaScript.quote(options.method()))
                .append(", args: [");
        for (int i = 0; i < options.arguments().size(); i++) {
            AjaxOptions.Argument a = options.arguments().get(i);
            js.append(i == 0 ? "" : ", ").append('{');
            if (a.form()) {
                js.append("form: true");
            } else {
                js.append("name: ").append(JavaScript.quote(a.name())).append(", ");
                if (a.field() != null) {
                    js.append("field: ").append(JavaScript.quote(a.field()));
                } else if (a.expression() != null) {
                    js.append("expr: function (element) { return (")
                            .append(JavaScript.inline(a.expression(), "script"))
                            .append("); }");
                } else {
                    js.append("value: ").append(JavaScript.quote(a.value()));
                }
            }
            js.append('}');
        }
        js.append(']');
        options.target().ifPresent(target -> js.append(", target: ").append(JavaScript.quote(target)));
        if (options.updatesTargets()) {
            js.append(", updateTargets: true");
        }
        if (options.resetsForm()) {
            js.append(", resetForm: true");
        }
        options.clearSelector().ifPresent(clear -> js.append(", clear: ").append(JavaScript.quote(clear)));
        options.successJavaScript()
                .ifPresent(code -> js.append(", success: function (response, element) { ")
                        .append(JavaScript.inline(code, "script"))
                        .append(" }"));
        options.preludeJavaScript()
                .ifPresent(code -> js.append(", prelude: function (element) { ")
                        .append(JavaScript.inline(code, "script"))
                        .append(" }"));
        return js.append('}').toString();
    }
}
