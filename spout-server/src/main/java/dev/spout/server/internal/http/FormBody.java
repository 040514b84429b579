package dev.spout.server.internal.http;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * The fields of a form posted to a page or an ajax endpoint ({@code application/x-www-form-urlencoded}; other
 * bodies have none). A body that claims to be a form but is not one, or is larger than Jetty's form limit, is
 * refused with its status and a plain message: it must never pass as a form without parameters.
 */
public final class FormBody {
    private FormBody() {}

    /** A request body refused as a form: the status to answer with, and why. */
    public static final class Refused extends Exception {
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
    public static Fields of(Request request) throws Refused {
        if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
            return Fields.EMPTY;
        }
        try {
            return FormFields.getFields(request);
        } catch (HttpException.RuntimeException bad) {
            throw new Refused(bad.getCode(), "The form cannot be read: " + bad.getReason(), bad);
        } catch (IllegalStateException tooLarge) {
            throw new Refused(
                    HttpStatus.PAYLOAD_TOO_LARGE_413, "The form is too large: " + tooLarge.getMessage(), tooLarge);
        } catch (RuntimeException malformed) {
            throw new Refused(
                    HttpStatus.BAD_REQUEST_400, "The form is malformed: " + malformed.getMessage(), malformed);
        }
    }
}
