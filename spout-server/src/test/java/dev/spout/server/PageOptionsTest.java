package dev.spout.server;

import static dev.spout.html.Html.div;
import static dev.spout.html.Html.footer;
import static dev.spout.html.Html.fragment;
import static dev.spout.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.server.page.PageOptions;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Awful's page options in Spout: methods, trailing slash, virtual hosts, template, doctype, charset. */
class PageOptionsTest {
    Spout app;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        app.close();
        http.close();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(app.uri(path));
    }

    @Test
    void methodsAreThePagesChoice() throws Exception {
        app = Spout.create();
        app.page(
                "/form",
                PageOptions.defaults().methods("GET", "POST"),
                page -> text(page.request().method()));
        app.start("127.0.0.1", 0);
        assertThat(send(request("/form").POST(HttpRequest.BodyPublishers.noBody()))
                        .body())
                .contains("POST");
        var delete = send(request("/form").DELETE());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, POST");
    }

    @Test
    void aTrailingSlashIsTheSamePageUnlessStrict() throws Exception {
        app = Spout.create();
        app.page("/lenient", page -> text("lenient"));
        app.page("/strict", PageOptions.defaults().strictPath(), page -> text("strict"));
        app.start("127.0.0.1", 0);
        assertThat(send(request("/lenient/")).statusCode()).isEqualTo(200);
        assertThat(send(request("/strict")).statusCode()).isEqualTo(200);
        assertThat(send(request("/strict/")).statusCode()).isEqualTo(404);
    }

    @Test
    void virtualHostsServeTheirOwnPageOnOnePath() throws Exception {
        app = Spout.create();
        app.page("/", PageOptions.defaults().host("alpha.test"), page -> text("alpha"));
        app.page("/", PageOptions.defaults().host("beta.test"), page -> text("beta"));
        app.start("127.0.0.1", 0);
        // The JDK client will not set Host; a raw request does.
        assertThat(raw("alpha.test")).contains("alpha");
        assertThat(raw("beta.test")).contains("beta");
        assertThat(raw("other.test")).startsWith("HTTP/1.1 404");
    }

    private String raw(String host) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.getOutputStream()
                    .write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theTemplateWrapsEveryPageThatDoesNotOptOut() throws Exception {
        app = Spout.create(
                options -> options.template((page, contents) -> fragment(contents, footer(text("(c) Spout")))));
        app.page("/wrapped", page -> div(text("body")));
        app.page("/bare", PageOptions.defaults().withoutTemplate(), page -> div(text("body")));
        app.start("127.0.0.1", 0);
        assertThat(send(request("/wrapped")).body()).contains("<div>body</div><footer>(c) Spout</footer>");
        assertThat(send(request("/bare")).body()).contains("<div>body</div>").doesNotContain("footer");
    }

    @Test
    void doctypeAndCharsetAreThePagesToo() throws Exception {
        app = Spout.create();
        app.page("/latin", page -> {
            page.doctype("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\">")
                    .charset(StandardCharsets.ISO_8859_1);
            return text("caf\u00E9");
        });
        app.start("127.0.0.1", 0);
        var response = send(request("/latin"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=iso-8859-1");
        assertThat(response.body())
                .startsWith("<!DOCTYPE html PUBLIC")
                .contains("<meta charset=\"iso-8859-1\">")
                .contains("caf\u00E9");
    }

    @Test
    void largePagesAreCompressedForBrowsersThatTakeGzip() throws Exception {
        app = Spout.create();
        app.page("/big", page -> text("spout ".repeat(2000)));
        app.start("127.0.0.1", 0);
        var response = http.send(
                request("/big").header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String html = new String(
                new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(html).contains("spout spout");
        assertThat(response.body().length).isLessThan(html.length() / 4);
    }
}
