package dev.spout.server;

import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.server.http.HttpResponse;
import dev.spout.server.page.PageOptions;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A form is bounded by its values, not only its names or bytes: one name repeated past the bound is refused before
 * any handler runs (Jetty's own parser counted names, so 80,000 repeats of one name passed, after seconds of work).
 * And a refusal that needs no body (no session, no CSRF token, a page that needs a user) comes before the body is
 * read: the clients here hold their body back and still get the answer.
 */
class FormBoundsTest {
    static final int WAIT_SECONDS = 10;

    final Spout app = Spout.create(options -> options.maxFormFields(100));
    final AtomicInteger handled = new AtomicInteger();
    WebClient browser;

    @BeforeEach
    void start() {
        app.page("/login", PageOptions.defaults().methods("GET", "POST"), page -> {
            handled.incrementAndGet();
            return text("user " + page.request().formParameter("user").orElse("?"));
        });
        app.page("/members", PageOptions.defaults().methods("GET", "POST").requireUser(), page -> {
            handled.incrementAndGet();
            return text("members");
        });
        app.page("/clicker", page -> {
            page.ajax("click", "#b", "click", ajax -> {
                handled.incrementAndGet();
                ajax.respondText("clicked " + ajax.request().formParameter("n").orElse("?"));
            });
            return text("clicker");
        });
        app.post("/form", request -> {
            handled.incrementAndGet();
            return HttpResponse.text("hello " + request.formParameter("name").orElse("?"));
        });
        app.start("127.0.0.1", 0);
        browser = new WebClient(app.uri("/"));
    }

    @AfterEach
    void stop() {
        browser.close();
        app.close();
    }

    static String repeats(int count) {
        return String.join("&", Collections.nCopies(count, "a=x"));
    }

    @Test
    void aFormOfOneNameRepeatedPastTheBoundIsRefusedByPagesAjaxAndEndpoints() throws Exception {
        String flood = repeats(80_000);
        var page = browser.post("/login", flood, null, null);
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("too many fields");

        browser.get("/clicker");
        var ajax = browser.ajax("/ajax/click", flood);
        assertThat(ajax.statusCode()).isEqualTo(413);
        assertThat(ajax.body()).contains("The form has too many fields: more than 100 fields");

        var plain = browser.post("/form", flood, null, null);
        assertThat(plain.statusCode()).isEqualTo(413);
        assertThat(plain.body()).contains("more than 100 fields");
        assertThat(handled).as("no handler saw a flooded form").hasValue(1); // the plain handler, answered 413
    }

    @Test
    void aFormWithinTheBoundIsRead() throws Exception {
        String full = repeats(99) + "&user=ann";
        assertThat(browser.post("/login", full, null, null).body()).contains("user ann");
        browser.get("/clicker");
        assertThat(browser.ajax("/ajax/click", "n=7&" + repeats(99)).body()).isEqualTo("clicked 7");
        assertThat(browser.post("/form", "name=bob&" + repeats(99), null, null).body())
                .isEqualTo("hello bob");
    }

    @Test
    void aBrokenFormIsABadRequest() throws Exception {
        var page = browser.post("/login", "user=%zz", null, null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("a broken escape");
        assertThat(handled).hasValue(0);
    }

    @Test
    void anAjaxCallWithoutASessionIsRefusedBeforeItsBodyIsRead() throws Exception {
        try (var other = new WebClient(app.uri("/"))) {
            other.get("/clicker"); // another browser's visit serves the endpoint
        }
        String refusal = postHoldingTheBody("/ajax/click", "Origin: http://127.0.0.1:" + app.port() + "\r\n");
        assertThat(refusal).startsWith("HTTP/1.1 403 ").contains("No session");
        assertThat(handled).hasValue(0);
    }

    @Test
    void aPageThatNeedsAUserSendsAStrangerToSignInBeforeReadingTheForm() throws Exception {
        String redirect = postHoldingTheBody("/members", "");
        assertThat(redirect).startsWith("HTTP/1.1 302 ").contains("/login?next=%2Fmembers");
        assertThat(handled).hasValue(0);
    }

    @Test
    void aCrossSiteFormIsRefusedBeforeItsBodyIsRead() throws Exception {
        String refusal = postHoldingTheBody("/login", "Origin: https://evil.example\r\n");
        assertThat(refusal).startsWith("HTTP/1.1 403 ");
        assertThat(handled).hasValue(0);
    }

    /**
     * POSTs a form head that announces a large body and sends none of it: a server that reads the form before its
     * checks waits for the body, and this read times out.
     */
    private String postHoldingTheBody(String path, String headers) throws Exception {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()));
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            var out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + app.port()
                            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n"
                            + headers + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return RefusedBodyTest.readResponse(socket.getInputStream());
        }
    }
}
