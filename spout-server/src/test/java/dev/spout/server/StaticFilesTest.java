package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spout.server.http.HttpResponse;
import dev.spout.server.http.StaticFiles;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static files from the class path and from a directory, with validators, caching headers and no way out. */
class StaticFilesTest {
    @TempDir
    Path dir;

    private Spout app;
    private HttpClient client;

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(dir.resolve("public/sub"));
        Files.writeString(dir.resolve("public/page.html"), "<p>a page</p>");
        Files.writeString(dir.resolve("secret.txt"), "the secret outside the root");
        app = Spout.create();
        app.staticFiles("/assets", StaticFiles.classpath("static-test"));
        app.staticFiles("/files", StaticFiles.directory(dir.resolve("public")).maxAge(Duration.ZERO));
        app.get("/assets/special", request -> HttpResponse.text("an exact route wins"));
        app.start("127.0.0.1", 0);
        client = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        client.close();
        app.close();
    }

    private java.net.http.HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    @Test
    void aClassPathFileIsServedWithItsTypeAndCachingHeaders() throws Exception {
        var response = get("/assets/css/site.css");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("body { color: teal; }\n");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
    }

    @Test
    void aMatchingEtagIsA304WithoutBody() throws Exception {
        String etag = get("/assets/hello.txt").headers().firstValue("ETag").orElseThrow();
        var again = get("/assets/hello.txt", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aDirectorysFilesAreServedAndMaxAgeZeroIsNoCache() throws Exception {
        var response = get("/files/page.html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<p>a page</p>");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void missingFilesAndDirectoriesAre404AndNeverListed() throws Exception {
        assertThat(get("/assets/nothing.txt").statusCode()).isEqualTo(404);
        assertThat(get("/files/sub").statusCode()).isEqualTo(404);
        assertThat(get("/files/sub/").statusCode()).isEqualTo(404);
        assertThat(get("/files/").statusCode()).isEqualTo(404);
    }

    @Test
    void noPathLeavesTheRoot() throws IOException {
        for (String path : new String[] {
            "/files/../secret.txt", "/files/%2e%2e/secret.txt", "/files/sub/../../secret.txt", "/files/..%2fsecret.txt"
        }) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("the secret");
        }
    }

    /** The review's reproduction: /files/link.txt, a link to /etc/hostname, served the host's name. */
    @Test
    void aSymbolicLinkOutOfTheRootIsNotFollowedUnlessAllowed() throws Exception {
        Files.createSymbolicLink(dir.resolve("public/link.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(dir.resolve("public/out"), dir);
        Files.createSymbolicLink(dir.resolve("public/inside.html"), dir.resolve("public/page.html"));
        assertThat(get("/files/link.txt").statusCode()).isEqualTo(404);
        assertThat(get("/files/link.txt").body()).doesNotContain("the secret");
        assertThat(get("/files/out/secret.txt").statusCode())
                .as("a linked folder")
                .isEqualTo(404);
        assertThat(get("/files/inside.html").body())
                .as("a link that stays inside")
                .isEqualTo("<p>a page</p>");

        app.staticFiles("/shared", StaticFiles.directory(dir.resolve("public")).followingLinksOutOfRoot());
        assertThat(get("/shared/link.txt").body()).as("allowed").isEqualTo("the secret outside the root");
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        var post = client.send(
                HttpRequest.newBuilder(app.uri("/assets/hello.txt"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(raw("HEAD /assets/hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200")
                .endsWith("\r\n\r\n");
    }

    @Test
    void exactRoutesWinOverThePrefix() throws Exception {
        assertThat(get("/assets/special").body()).isEqualTo("an exact route wins");
    }

    @Test
    void aRootThatDoesNotExistIsRefusedWhenDefined() {
        assertThatThrownBy(() -> app.staticFiles("/x", StaticFiles.classpath("no-such-folder")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-folder");
        assertThatThrownBy(() -> StaticFiles.directory(dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> app.staticFiles("/assets", StaticFiles.classpath("static-test")))
                .isInstanceOf(IllegalStateException.class);
    }

    private String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
