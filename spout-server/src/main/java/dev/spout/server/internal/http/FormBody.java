package dev.spout.server.internal.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;

/**
 * The fields of a form posted to a page or an ajax endpoint ({@code application/x-www-form-urlencoded}; other
 * bodies have none). A body that claims to be a form but is not one, is larger than {@code maxBytes} or has more
 * than {@code maxFields} values is refused with its status and a plain message: it must never pass as a form
 * without parameters.
 *
 * @param maxBytes the largest form body read, in bytes ({@code 413} past it)
 * @param maxFields the most values a form may carry, every value of a repeated name counted ({@code 413} past it)
 */
public record FormBody(int maxBytes, int maxFields) {
    /** A request body refused as a form: the status to answer with, and why. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The form fields of a POST or PUT, empty for other requests and for bodies that are not forms. */
    public UrlEncodedForm read(Request request) throws Refused {
        if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
            return UrlEncodedForm.EMPTY;
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null
                || !MimeTypes.Type.FORM_ENCODED.is(
                        MimeTypes.getContentTypeWithoutCharset(contentType).trim())) {
            return UrlEncodedForm.EMPTY;
        }
        Charset charset = charset(contentType);
        byte[] body;
        try {
            body = RequestBody.read(request, maxBytes);
        } catch (RequestBody.TooLarge tooLarge) {
            throw new Refused(
                    HttpStatus.PAYLOAD_TOO_LARGE_413, "The form is too large: " + tooLarge.getMessage(), tooLarge);
        } catch (IOException unread) {
            if (RequestBody.timedOut(unread)) {
                throw new Refused(HttpStatus.REQUEST_TIMEOUT_408, "The form did not arrive in time", unread);
            }
            throw new Refused(HttpStatus.BAD_REQUEST_400, "The form cannot be read: " + unread.getMessage(), unread);
        }
        return parse(body, charset, maxFields);
    }

    /** Parses a form body already read (a plain endpoint's), in the charset its content type names. */
    public static UrlEncodedForm parse(byte[] body, String contentType, int maxFields) throws Refused {
        return parse(body, charset(contentType), maxFields);
    }

    private static UrlEncodedForm parse(byte[] body, Charset charset, int maxFields) throws Refused {
        try {
            return UrlEncodedForm.parse(RequestBody.text(body, charset), charset, maxFields);
        } catch (RequestBody.NotText notText) {
            throw new Refused(HttpStatus.BAD_REQUEST_400, "The form is malformed: " + notText.getMessage(), notText);
        } catch (UrlEncodedForm.Refused refused) {
            throw new Refused(
                    refused.tooMany() ? HttpStatus.PAYLOAD_TOO_LARGE_413 : HttpStatus.BAD_REQUEST_400,
                    (refused.tooMany() ? "The form has too many fields: " : "The form is malformed: ")
                            + refused.getMessage(),
                    refused);
        }
    }

    private static Charset charset(String contentType) throws Refused {
        String name = MimeTypes.getCharsetFromContentType(contentType);
        if (name == null) {
            return StandardCharsets.UTF_8; // what browsers send from UTF-8 pages, and the WHATWG parser assumes
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, "Unknown charset " + name, unknown);
        }
    }
}
