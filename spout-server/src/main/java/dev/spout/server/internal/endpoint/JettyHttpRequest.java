package dev.spout.server.internal.endpoint;

import dev.spout.engine.HttpStatusException;
import dev.spout.server.http.HttpRequest;
import dev.spout.server.internal.auth.JettyClientRequest;
import dev.spout.server.internal.auth.Sessions;
import dev.spout.server.internal.http.FormBody;
import dev.spout.server.internal.http.RequestBody;
import dev.spout.server.internal.http.UrlEncodedForm;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** A plain endpoint's request: the client request view, and its body, already read. */
final class JettyHttpRequest extends JettyClientRequest implements HttpRequest {
    private final byte[] body;
    private final String contentType;
    private final int maxFormFields;
    private UrlEncodedForm form;

    private JettyHttpRequest(
            Request request, Response response, Sessions sessions, byte[] body, String contentType, int maxFormFields) {
        super(request, response, sessions, UrlEncodedForm.EMPTY);
        this.body = body;
        this.contentType = contentType;
        this.maxFormFields = maxFormFields;
    }

    /** The view of a request whose body is read; a form in it may have at most {@code maxFormFields} values. */
    static JettyHttpRequest of(Request request, Response response, Sessions sessions, byte[] body, int maxFormFields) {
        return new JettyHttpRequest(
                request, response, sessions, body, request.getHeaders().get(HttpHeader.CONTENT_TYPE), maxFormFields);
    }

    /**
     * A field of a form body, parsed when first asked for: a body sent as a form (curl's {@code -d} says so of any
     * text) must not fail a handler that reads it as text.
     *
     * @throws HttpStatusException 400 if the body is not a well-formed form, 413 if it has too many fields
     */
    @Override
    public Optional<String> formParameter(String name) {
        if (form == null) {
            form = UrlEncodedForm.EMPTY;
            if (contentType != null && mediaType(contentType).equals("application/x-www-form-urlencoded")) {
                try {
                    form = FormBody.parse(body, contentType, maxFormFields);
                } catch (FormBody.Refused refused) {
                    throw new HttpStatusException(refused.status(), refused.getMessage(), refused);
                }
            }
        }
        return Optional.ofNullable(form.value(name));
    }

    @Override
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    @Override
    public byte[] bytes() {
        return body.clone();
    }

    @Override
    public String text() {
        Charset charset = charset();
        try {
            return RequestBody.text(body, charset);
        } catch (RequestBody.NotText notText) {
            throw new HttpStatusException(400, notText.getMessage(), notText);
        }
    }

    @Override
    public <T> T json(Class<T> type) {
        if (contentType != null) {
            String media = mediaType(contentType);
            if (!media.equals("application/json") && !media.endsWith("+json")) {
                throw new HttpStatusException(415, "Expected a JSON body (application/json), got " + contentType);
            }
        }
        return JsonCodec.read(body, type);
    }

    private Charset charset() {
        String name = contentType == null ? null : MimeTypes.getCharsetFromContentType(contentType);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw new HttpStatusException(415, "Unknown charset " + name, unknown);
        }
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }
}
