package dev.spout.mercure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The URL Standard's parser, on which URL pattern matching stands: each input as the Standard serializes it after
 * parsing ({@code URL.href}), or null where it is no URL.
 */
class WhatwgUrlTest {

    static Stream<Arguments> urls() {
        return Stream.of(
                // Scheme and host lowercased, dot segments removed, spaces and non-ASCII percent-encoded.
                Arguments.of(
                        "HTTPS://EXAMPLE.com:443/a/./b/../c d?q=a b#f g", "https://example.com/a/c%20d?q=a%20b#f%20g"),
                Arguments.of("  https://example.com/\t x  ", "https://example.com/%20x"),
                Arguments.of("https://example.com\\a\\b", "https://example.com/a/b"),
                Arguments.of("https://example.com/%2e%2E/b", "https://example.com/b"),
                Arguments.of(
                        "https://example.com/caf\u00e9?\u00e9#\u00e9", "https://example.com/caf%C3%A9?%C3%A9#%C3%A9"),
                Arguments.of("https://example.com/?a'b#a`b", "https://example.com/?a%27b#a%60b"),
                Arguments.of("foo://h/?a'b", "foo://h/?a'b"),
                // Userinfo and ports.
                Arguments.of("https://ann:p@ss@example.com/", "https://ann:p%40ss@example.com/"),
                Arguments.of("https://@example.com", "https://example.com/"),
                Arguments.of("http://example.com:0080/", "http://example.com/"),
                Arguments.of("http://example.com:8080", "http://example.com:8080/"),
                Arguments.of("wss://example.com:443/", "wss://example.com/"),
                // Hosts: IPv4 in any radix, IPv6 compressed, IDNA, percent-decoding.
                Arguments.of("http://0x7f.1/", "http://127.0.0.1/"),
                Arguments.of("http://2130706433/", "http://127.0.0.1/"),
                Arguments.of("http://[0:0:0:0:0:0:0:1]:8080/", "http://[::1]:8080/"),
                Arguments.of("http://[2001:db8:0:0:1:0:0:1]/", "http://[2001:db8::1:0:0:1]/"),
                Arguments.of("http://[::ffff:192.168.0.1]/", "http://[::ffff:c0a8:1]/"),
                Arguments.of("https://caf\u00e9.example/", "https://xn--caf-dma.example/"),
                Arguments.of("https://ex%41mple.com/", "https://example.com/"),
                // Other schemes: opaque paths and hosts keep their case; file URLs.
                Arguments.of("urn:isbn:0451450523", "urn:isbn:0451450523"),
                Arguments.of("mailto:Ann@Example.com", "mailto:Ann@Example.com"),
                Arguments.of("foo://Host/a/../b", "foo://Host/b"),
                Arguments.of("data:text/plain,a b ?x", "data:text/plain,a b%20?x"),
                Arguments.of("web+demo:/.//not-a-host/", "web+demo:/.//not-a-host/"),
                Arguments.of("file://localhost/etc", "file:///etc"),
                Arguments.of("file:///c|/x", "file:///c:/x"),
                // No URL at all.
                Arguments.of("https://", null),
                Arguments.of("https://user@/x", null),
                Arguments.of("http://exa mple.com/", null),
                Arguments.of("https://ex%00ample.com/", null),
                Arguments.of("https://example.com:65536/", null),
                Arguments.of("http://[::1/", null),
                Arguments.of("http://[1:2:3:4:5:6:7:8:9]/", null),
                Arguments.of("http://1.2.3.4.5/", null),
                Arguments.of("http://256.0.0.1/", null),
                Arguments.of("//example.com/", null),
                Arguments.of("not a url", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void aUrlParsesAsTheStandardSays(String input, @Nullable String href) {
        WhatwgUrl url = WhatwgUrl.parse(input);
        assertThat(url == null ? null : url.toString()).isEqualTo(href);
    }
}
