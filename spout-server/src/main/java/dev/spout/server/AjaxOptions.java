package dev.spout.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an ajax binding sends and what it does with the answer, as awful's {@code ajax} options: {@code method},
 * {@code arguments}, {@code target}, {@code update-targets}, {@code success}, {@code prelude}. Immutable; each method
 * returns a changed copy. Options that take JavaScript say so in their names; everything else is data.
 *
 * <pre>{@code
 * page.ajax("say", "#say", "submit",
 *         AjaxOptions.defaults().form().resetForm(),          // send the form's fields, then clear it
 *         ajax -> chat.publish(ajax.request().formParameter("text").orElse("")));
 * page.ajax("preview", "#preview-button", "click",
 *         AjaxOptions.defaults().field("text", "#draft").target("#preview"),   // the answer's HTML goes there
 *         ajax -> ajax.respond(p(text(ajax.request().formParameter("text").orElse("")))));
 * }</pre>
 */
public final class AjaxOptions {
    record Argument(String name, String value, String field, boolean form, String expression) {}

    final String method;
    final List<Argument> arguments;
    final String target;
    final boolean updateTargets;
    final boolean resetForm;
    final String successJavaScript;
    final String preludeJavaScript;

    private AjaxOptions(
            String method,
            List<Argument> arguments,
            String target,
            boolean updateTargets,
            boolean resetForm,
            String successJavaScript,
            String preludeJavaScript) {
        this.method = method;
        this.arguments = List.copyOf(arguments);
        this.target = target;
        this.updateTargets = updateTargets;
        this.resetForm = resetForm;
        this.successJavaScript = successJavaScript;
        this.preludeJavaScript = preludeJavaScript;
    }

    /** POST, no arguments, the answer ignored. */
    public static AjaxOptions defaults() {
        return new AjaxOptions("POST", List.of(), null, false, false, null, null);
    }

    /** The HTTP method (default POST). GET handlers must not change anything: they are not CSRF-checked. */
    public AjaxOptions method(String method) {
        return new AjaxOptions(
                Objects.requireNonNull(method),
                arguments,
                target,
                updateTargets,
                resetForm,
                successJavaScript,
                preludeJavaScript);
    }

    /** Sends a constant argument. */
    public AjaxOptions argument(String name, String value) {
        return with(new Argument(name, Objects.requireNonNull(value), null, false, null));
    }

    /** Sends the value of the element matched by a CSS selector (an input's value, or another element's text). */
    public AjaxOptions field(String name, String cssSelector) {
        return with(new Argument(name, null, Objects.requireNonNull(cssSelector), false, null));
    }

    /** Sends every field of the form the event came from (the element itself, if it is the form). */
    public AjaxOptions form() {
        return with(new Argument(null, null, null, true, null));
    }

    /** Sends the value of a JavaScript expression, evaluated in the browser with {@code element} in scope. */
    public AjaxOptions argumentFromJavaScript(String name, String javaScriptExpression) {
        return with(new Argument(name, null, null, false, Objects.requireNonNull(javaScriptExpression)));
    }

    /** The answer's HTML replaces the contents of the elements matched by this CSS selector. */
    public AjaxOptions target(String cssSelector) {
        return new AjaxOptions(
                method,
                arguments,
                Objects.requireNonNull(cssSelector),
                updateTargets,
                resetForm,
                successJavaScript,
                preludeJavaScript);
    }

    /** The answer updates several elements by id: see {@link AjaxExchange#update}. */
    public AjaxOptions updateTargets() {
        return new AjaxOptions(method, arguments, target, true, resetForm, successJavaScript, preludeJavaScript);
    }

    /** After a successful answer, resets the form the event came from. */
    public AjaxOptions resetForm() {
        return new AjaxOptions(method, arguments, target, updateTargets, true, successJavaScript, preludeJavaScript);
    }

    /** JavaScript run after a successful answer, with {@code response} (the body text) and {@code element}. */
    public AjaxOptions onSuccessJavaScript(String code) {
        return new AjaxOptions(
                method, arguments, target, updateTargets, resetForm, Objects.requireNonNull(code), preludeJavaScript);
    }

    /** JavaScript run before the call, with {@code element}; returning {@code false} cancels the call. */
    public AjaxOptions preludeJavaScript(String code) {
        return new AjaxOptions(
                method, arguments, target, updateTargets, resetForm, successJavaScript, Objects.requireNonNull(code));
    }

    private AjaxOptions with(Argument argument) {
        if (argument.name() != null && argument.name().isEmpty()) {
            throw new IllegalArgumentException("An ajax argument needs a name");
        }
        List<Argument> more = new ArrayList<>(arguments);
        more.add(argument);
        return new AjaxOptions(method, more, target, updateTargets, resetForm, successJavaScript, preludeJavaScript);
    }

    /** The options as the JavaScript object literal {@code Spout.bind} takes. */
    String toJavaScript() {
        var js = new StringBuilder("{method: ").append(JavaScript.quote(method)).append(", args: [");
        for (int i = 0; i < arguments.size(); i++) {
            Argument a = arguments.get(i);
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
        if (target != null) {
            js.append(", target: ").append(JavaScript.quote(target));
        }
        if (updateTargets) {
            js.append(", updateTargets: true");
        }
        if (resetForm) {
            js.append(", resetForm: true");
        }
        if (successJavaScript != null) {
            js.append(", success: function (response, element) { ")
                    .append(JavaScript.inline(successJavaScript, "script"))
                    .append(" }");
        }
        if (preludeJavaScript != null) {
            js.append(", prelude: function (element) { ")
                    .append(JavaScript.inline(preludeJavaScript, "script"))
                    .append(" }");
        }
        return js.append('}').toString();
    }
}
