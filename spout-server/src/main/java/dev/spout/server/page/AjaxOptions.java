package dev.spout.server.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What an ajax binding sends and what it does with the answer: {@code method},
 * {@code arguments}, {@code target}, {@code update-targets}, {@code success}, {@code prelude}. Immutable; each method
 * returns a changed copy. Options that take JavaScript say so in their names; everything else is data.
 *
 * <pre>{@code
 * page.ajax("say", "#say", "submit",
 *         AjaxOptions.defaults().form().clear("#message"),      // send the form's fields, then empty the box
 *         ajax -> chat.publish(ajax.request().formParameter("text").orElse("")));
 * page.ajax("preview", "#preview-button", "click",
 *         AjaxOptions.defaults().field("text", "#draft").target("#preview"),   // the answer's HTML goes there
 *         ajax -> ajax.respond(p(text(ajax.request().formParameter("text").orElse("")))));
 * }</pre>
 */
public final class AjaxOptions {
    /**
     * One argument a call sends: a constant {@code value}, the value of a {@code field}, every field of the {@code
     * form}, or a JavaScript {@code expression}; exactly one of them is set.
     */
    public record Argument(
            @Nullable String name,
            @Nullable String value,
            @Nullable String field,
            boolean form,
            @Nullable String expression) {}

    private String method = "POST";
    private List<Argument> arguments = List.of();
    private @Nullable String target;
    private boolean updateTargets;
    private boolean resetForm;
    private @Nullable String clear;
    private @Nullable String successJavaScript;
    private @Nullable String preludeJavaScript;

    private AjaxOptions() {}

    private AjaxOptions with(Consumer<AjaxOptions> change) {
        var copy = new AjaxOptions();
        copy.method = method;
        copy.arguments = arguments;
        copy.target = target;
        copy.updateTargets = updateTargets;
        copy.resetForm = resetForm;
        copy.clear = clear;
        copy.successJavaScript = successJavaScript;
        copy.preludeJavaScript = preludeJavaScript;
        change.accept(copy);
        return copy;
    }

    /** POST, no arguments, the answer ignored. */
    public static AjaxOptions defaults() {
        return new AjaxOptions();
    }

    /**
     * The HTTP method (default POST); the endpoint then answers that method only (405 to others). A {@code GET}
     * endpoint is for reading only: it is not CSRF-checked (a GET is what any other site can make a browser send),
     * so its handler must never change anything.
     */
    public AjaxOptions method(String method) {
        Objects.requireNonNull(method, "method");
        String upper = method.toUpperCase(java.util.Locale.ROOT);
        if (!upper.matches("[A-Z]+") || upper.equals("HEAD") || upper.equals("OPTIONS") || upper.equals("TRACE")) {
            throw new IllegalArgumentException("Not a method for an ajax call: \"" + method + "\"");
        }
        return with(o -> o.method = upper);
    }

    /** Sends a constant argument. */
    public AjaxOptions argument(String name, String value) {
        return withArgument(new Argument(name, Objects.requireNonNull(value, "value"), null, false, null));
    }

    /** Sends the value of the element matched by a CSS selector (an input's value, or another element's text). */
    public AjaxOptions field(String name, String cssSelector) {
        return withArgument(new Argument(name, null, Objects.requireNonNull(cssSelector, "cssSelector"), false, null));
    }

    /** Sends every field of the form the event came from (the element itself, if it is the form). */
    public AjaxOptions form() {
        return withArgument(new Argument(null, null, null, true, null));
    }

    /** Sends the value of a JavaScript expression, evaluated in the browser with {@code element} in scope. */
    public AjaxOptions argumentFromJavaScript(String name, String javaScriptExpression) {
        return withArgument(new Argument(name, null, null, false, Objects.requireNonNull(javaScriptExpression)));
    }

    /** The answer's HTML replaces the contents of the elements matched by this CSS selector. */
    public AjaxOptions target(String cssSelector) {
        Objects.requireNonNull(cssSelector, "cssSelector");
        return with(o -> o.target = cssSelector);
    }

    /** The answer updates several elements by id: see {@link AjaxExchange#update}. */
    public AjaxOptions updateTargets() {
        return with(o -> o.updateTargets = true);
    }

    /** After a successful answer, resets the form the event came from. */
    public AjaxOptions resetForm() {
        return with(o -> o.resetForm = true);
    }

    /** After a successful answer, empties the fields matched by this CSS selector (say, a message box). */
    public AjaxOptions clear(String cssSelector) {
        Objects.requireNonNull(cssSelector, "cssSelector");
        return with(o -> o.clear = cssSelector);
    }

    /** JavaScript run after a successful answer, with {@code response} (the body text) and {@code element}. */
    public AjaxOptions onSuccessJavaScript(String code) {
        Objects.requireNonNull(code, "code");
        return with(o -> o.successJavaScript = code);
    }

    /** JavaScript run before the call, with {@code element}; returning {@code false} cancels the call. */
    public AjaxOptions preludeJavaScript(String code) {
        Objects.requireNonNull(code, "code");
        return with(o -> o.preludeJavaScript = code);
    }

    private AjaxOptions withArgument(Argument argument) {
        if (argument.name() != null && argument.name().isEmpty()) {
            throw new IllegalArgumentException("An ajax argument needs a name");
        }
        List<Argument> more = new ArrayList<>(arguments);
        more.add(argument);
        return with(o -> o.arguments = List.copyOf(more));
    }

    /** The method calls use. */
    public String method() {
        return method;
    }

    /** The arguments calls send, in order. */
    public List<Argument> arguments() {
        return arguments;
    }

    /** Where the answer's HTML goes, if anywhere. */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /** Whether the answer updates elements by id. */
    public boolean updatesTargets() {
        return updateTargets;
    }

    /** Whether a successful call resets the form the event came from. */
    public boolean resetsForm() {
        return resetForm;
    }

    /** The fields a successful call empties, if any. */
    public Optional<String> clearSelector() {
        return Optional.ofNullable(clear);
    }

    /** JavaScript run after a successful answer, if any. */
    public Optional<String> successJavaScript() {
        return Optional.ofNullable(successJavaScript);
    }

    /** JavaScript run before a call, if any. */
    public Optional<String> preludeJavaScript() {
        return Optional.ofNullable(preludeJavaScript);
    }
}
