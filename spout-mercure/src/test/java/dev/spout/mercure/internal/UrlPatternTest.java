package dev.spout.mercure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * URL patterns as the URL Pattern Standard defines them: the examples of its text, then each piece of syntax
 * (named groups, wildcards, regexp groups, modifiers, groups, escapes), each component (hostname, port, search,
 * hash), canonicalization of pattern and topic alike, and the refusals, each saying what is wrong and where.
 */
class UrlPatternTest {
    static final String E = "https://example.com";

    /**
     * Patterns, then URLs each matches after {@code +}, and URLs it does not after {@code -}; {@code ~} stands for
     * {@code https://example.com}. The Standard's own examples come first.
     */
    static final String CASES = """
            https://example.com/:category/*
                + ~/products/ ~/blog/our-greatest-product-ever
                - ~/ http://example.com/products/ ~:8443/blog/our-greatest-product-ever
            http{s}?://{:subdomain.}?shop.example/products/:id([0-9]+)#reviews
                + https://shop.example/products/74205#reviews http://insecure.shop.example/products/1701#reviews
                + https://kathryn@voyager.shop.example/products/74656#reviews
                - https://shop.example/products/2000 http://shop.example:8080/products/0#reviews
                - https://nx.shop.example/products/01?speed=5#reviews https://shop.example/products/chair#reviews
            ~/blog/:title                  + ~/blog/hello-world  - ~/blog/2012/02
            ~/blog/:year(\\d+)/:month(\\d+)  + ~/blog/2012/02  - ~/blog/x/02
            ~/products/:id?                + ~/products ~/products/2  - ~/products/
            ~/products/{:id}?              + ~/products/ ~/products/2  - ~/products
            ~/products/*                   + ~/products/ ~/products/a/b?c#d  - ~/product
            ~/foo                          + ~/foo ~/foo?q=1 ~/foo#top ~/foo?q#h  - ~/foo/
            ~                              + ~ ~/ ~/any/path?q#h https://user:pw@example.com/x  - ~:8443/
            https://*                      + ~/x https://a.b/  - ~:8443/x http://example.com/
            https://*:*                    + ~:8443/x ~/x  - http://example.com/

            ~/books/:id                    + ~/books/1 ~/books/the%20book  - ~/books/ ~/books/1/2 ~/books
            ~/books/:id+                   + ~/books/1 ~/books/1/2/3  - ~/books ~/books/ ~/books/1/
            ~/books/:id*                   + ~/books ~/books/1/2  - ~/books/ ~/booksx
            ~/books{/:id}?                 + ~/books ~/books/1  - ~/books/
            ~/book{s}?                     + ~/book ~/books  - ~/bookss
            ~/a{/b}+                       + ~/a/b ~/a/b/b  - ~/a ~/a/b/c
            ~/*.json                       + ~/a.json ~/a/b.json  - ~/a.jsonx ~/json
            ~/*/*                          + ~/a/b ~/a/b/c  - ~/a
            ~/:a-:b                        + ~/x-y ~/x-y-z  - ~/xy ~/x-

            ~/:id(\\d+)                     + ~/42  - ~/4a ~/
            ~/(foo|bar)                    + ~/foo ~/bar  - ~/baz ~/foobar
            ~/([[a-z]--a])                 + ~/z  - ~/a ~/A
            ~/([\\d&&[0-1]])                + ~/0 ~/1  - ~/3
            ~/:n(\\d{2,3})                  + ~/12 ~/123  - ~/1 ~/1234
            ~/(x(?=y)y)                    + ~/xy  - ~/xx
            ~/((?i:abc))                   + ~/ABC ~/aBc  - ~/abd
            ~/:id(\\d+)+                    + ~/1/22/333  - ~/1/a
            ~/([\\x41-\\u005A])              + ~/Q  - ~/q

            ~/foo\\:                        + ~/foo:  - ~/foo
            ~/a\\*b                         + ~/a*b  - ~/axb
            ~/\\(x\\)\\{y\\}                 + ~/(x)%7By%7D ~/(x){y}  - ~/x
            ~/*\\?foo                       + ~/?foo ~/a?foo#x  - ~/?bar
            ~/:name?foo                    + ~/barfoo ~/xfoo?any  - ~/bar?foo ~/foo
            data\\:foobar                   + data:foobar  - data:foo
            urn\\:isbn\\:*                   + urn:isbn:0451450523 URN:isbn:x  - urn:issn:0451450523

            https://*.example.com/*        + https://a.example.com/x https://a.b.EXAMPLE.com/
                - ~/ https://aexample.com/
            https://:sub.example.com/*     + https://a.example.com/  - https://a.b.example.com/ ~/
            https://{*.}?example.com/*     + ~/ https://www.example.com/  - https://example.org/
            https://example.com:443/*      + ~/x ~:443/x  - ~:444/x
            https://example.com:8443/*     + ~:8443/x ~:08443/x  - ~/x
            http://example.com:(80|8080)/* + http://example.com:8080/  - http://example.com/ http://example.com:80/
            http://127.0.0.1/*             + http://127.0.0.1/ http://0x7f.0.0.1/ http://2130706433/
                - http://127.0.0.2/
            http://[\\:\\:1]/               + http://[::1]/ http://[0:0::1]/ http://[0:0:0:0:0:0:0:1]/  - http://[::2]/
            http://[:address]/             + http://[::1]/ http://[2001:db8::ff00:42:8329]/  - http://127.0.0.1/
            https://café.example/*         + https://xn--caf-dma.example/ https://CAFÉ.example/
                - https://cafe.example/

            https://:user@example.com/*    + https://ann@example.com/ https://ann:pw@example.com/  - ~/
            https://foo\\:bar@example.com   + https://foo:bar@example.com/  - https://foo@example.com/
            ~/books?lang=en                + ~/books?lang=en ~/books?lang=en#x  - ~/books?lang=fr ~/books
            ~/books?lang=:lang             + ~/books?lang=fr  - ~/books?lang= ~/books?x=fr
            ~/doc#:section                 + ~/doc#intro  - ~/doc ~/doc# ~/doc?q#intro
            ~/?q=café                      + ~/?q=caf%C3%A9 ~/?q=café  - ~/?q=caf%c3%a9

            HTTPS://EXAMPLE.com/Books/*    + https://example.COM/Books/1  - ~/books/1
            ~/café                         + ~/caf%C3%A9 ~/café  - ~/caf%c3%a9 ~/cafe
            ~/a%20b                        + ~/a%20b  - ~/a+b ~/a%2520b
            ~/a/../b                       + ~/b ~/x/../b ~/./b ~\\b ~/%2e%2E/b  - ~/a/b
            file:///foo/bar                + file:///foo/bar file://localhost/foo/bar  - file:///foo
            """;

    /** A pattern, URLs it matches, and URLs (or other strings) it does not. */
    record Case(String pattern, List<String> matching, List<String> notMatching) {
        @Override
        public String toString() {
            return pattern;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String line : CASES.replace("~", E).lines().map(String::strip).toList()) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("+") && !line.startsWith("-")) {
                int sign = line.indexOf(" + ");
                cases.add(new Case(
                        sign < 0 ? line : line.substring(0, sign).strip(), new ArrayList<>(), new ArrayList<>()));
                line = sign < 0 ? "" : line.substring(sign + 1);
            }
            Case last = cases.get(cases.size() - 1);
            List<String> into = last.matching();
            for (String word : line.split("\\s+")) {
                if (word.equals("+") || word.equals("-")) {
                    into = word.equals("+") ? last.matching() : last.notMatching();
                } else if (!word.isEmpty()) {
                    into.add(word);
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aPatternMatchesWhatTheStandardSaysItMatches(Case c) {
        var pattern = UrlPattern.compile(c.pattern());
        assertThat(c.matching()).isNotEmpty();
        for (String url : c.matching()) {
            assertThat(pattern.matches(url))
                    .as("%s matches %s", c.pattern(), url)
                    .isTrue();
        }
        for (String url : c.notMatching()) {
            assertThat(pattern.matches(url))
                    .as("%s does not match %s", c.pattern(), url)
                    .isFalse();
        }
    }

    @Test
    void spacesAreCanonicalizedInThePatternAndInTheTopic() {
        var pattern = UrlPattern.compile(E + "/a b");
        assertThat(pattern.matches(E + "/a%20b")).isTrue();
        assertThat(pattern.matches(E + "/a b")).isTrue();
        assertThat(pattern.matches(E + "/a+b")).isFalse();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("/books/:id", "A relative URL pattern", 0),
                Arguments.of("example.com/foo", "A relative URL pattern", 0),
                Arguments.of("../admin/*", "A relative URL pattern", 0),
                Arguments.of("data:foobar", "A relative URL pattern", 0),
                Arguments.of(E + "/(\\d+", "A regexp group without its ')'", 20),
                Arguments.of(E + "/((x))", "A capturing group inside a regexp group", 20),
                Arguments.of(E + "/#(?:x)", "A regexp group that starts with '?'", 21),
                Arguments.of(E + "/()", "An empty regexp group", 20),
                Arguments.of("(caf\u00e9)://foo", "not ASCII", 0),
                Arguments.of(E + "/(\\m)", "An escape '\\m' that the v flag refuses", 21),
                Arguments.of(E + "/(a\\1)", "A backreference", 22),
                Arguments.of(E + "/([-a])", "A '-' that a class must escape", 22),
                Arguments.of(E + "/(a{2,1})", "n is above its m", 22),
                Arguments.of(E + "/(a**)", "with nothing to repeat", 23),
                Arguments.of(E + "/(\\p{NotAProperty})", "Unicode property 'NotAProperty'", 21),
                Arguments.of(E + "/:id/:id", "A second group named 'id'", 24),
                Arguments.of(E + "/{foo", "A '{' without its '}'", 20),
                Arguments.of(E + "/foo}", "A '}' without its '{'", 23),
                Arguments.of(E + "/{a{b}}", "A '{' inside a '{…}' group", 22),
                Arguments.of(E + "/a/:", "A ':' without a name", 22),
                Arguments.of(E + "/a\\", "A '\\' with nothing to escape", 21),
                Arguments.of("https://exa mple.com/", "'exa mple.com' is not a hostname", 8),
                Arguments.of("https://example.com:99999/", "'99999' is not a port", 20),
                Arguments.of("https://example.com:-1/", "'-1' is not a port", 20),
                Arguments.of("http://[\\:\\:xy]/", "is not made of an IPv6 address's characters", 7),
                Arguments.of("https://{sub.}?example{.com", "A '{' without its '}'", 22));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void anInvalidPatternIsRefusedSayingWhatAndWhere(String pattern, String problem, int index) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UrlPattern.compile(pattern))
                .withMessageContaining(problem)
                .withMessageContaining(" at index " + index + " of the URL pattern " + pattern);
    }

    @Test
    void whatIsNoUrlMatchesNothing() {
        var any = UrlPattern.compile("*\\://*");
        assertThat(any.matches("https://example.com/")).isTrue();
        assertThat(any.matches("urn:x")).isTrue();
        for (String notAUrl : List.of(
                "",
                "not a url",
                "books/1",
                "/books/1",
                "https://",
                "http://exa mple.com/",
                "https://[::1/",
                "https://example.com:99999/",
                "http://1.2.3.4.5/",
                "ht tp://example.com/")) {
            assertThat(any.matches(notAUrl)).as(notAUrl).isFalse();
            assertThat(UrlPattern.compile(E + "/*").matches(notAUrl))
                    .as(notAUrl)
                    .isFalse();
        }
    }

    @Test
    void patternsAndTopicsOverTheBoundsAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UrlPattern.compile(E + "/" + "a".repeat(Topics.MAX_LENGTH)))
                .withMessageContaining("at most " + Topics.MAX_LENGTH + " characters");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UrlPattern.compile(E + "/" + "{a}?".repeat(UrlPattern.MAX_PARTS)))
                .withMessageContaining("more than " + UrlPattern.MAX_PARTS + " parts");
        var everything = UrlPattern.compile(E + "/*");
        assertThat(everything.matches(E + "/" + "a".repeat(Topics.MAX_LENGTH - 21)))
                .isTrue();
        assertThat(everything.matches(E + "/" + "a".repeat(Topics.MAX_LENGTH))).isFalse();
    }

    /**
     * Groups next to each other make a backtracking engine try every split of a topic; the automaton reads each
     * character once, and a regexp group's match stops at its budget of reads. None of these may hang or throw.
     */
    @Test
    void adversarialTopicsAreDecidedWithinABound() {
        String slashes = E + "/" + "a/".repeat(1000) + "a";
        assertThat(UrlPattern.compile(E + "/:id+").matches(slashes)).isTrue();
        assertThat(UrlPattern.compile(E + "/:a:b:c:d:e:f:g:h/z").matches(E + "/" + "x".repeat(2000)))
                .isFalse();
        assertThat(UrlPattern.compile(E + "/*a*a*a*a*a*a*b").matches(E + "/" + "a".repeat(2000)))
                .isFalse();
        assertThat(UrlPattern.compile(E + "/(x(?:x+x+)+y)").matches(E + "/" + "x".repeat(2000)))
                .isFalse();
        var regexpAndRepeat = UrlPattern.compile(E + "/(\\d+)/:rest+");
        assertThatNoException()
                .as("a regexp group's component recursing past the stack gives no match, not an error")
                .isThrownBy(() -> regexpAndRepeat.matches(E + "/1" + "/a".repeat(1000)));
        assertThat(regexpAndRepeat.matches(E + "/1/a/b")).isTrue();
    }

    /** Strings of URL-ish characters, random but seeded: compile refuses with IllegalArgumentException or compiles. */
    @Test
    void noInputMakesCompileOrMatchThrowAnythingElse() {
        var random = new Random(26);
        String alphabet = "ab:/?#@[]{}()*+\\.-_%20é|&^$!,;=~ ";
        List<UrlPattern> patterns = Stream.of(E + "/*", E + "/:a+", "*\\://*", E + "/(a|b)+", "http{s}?://*.e.com/:x?")
                .map(UrlPattern::compile)
                .toList();
        for (int i = 0; i < 3000; i++) {
            var text = new StringBuilder(i % 3 == 0 ? "https://" : i % 3 == 1 ? "urn:" : "");
            for (int n = random.nextInt(30); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            try {
                UrlPattern.compile(s).matches(s);
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).as(s).isNotBlank();
            }
            assertThatNoException().as(s).isThrownBy(() -> patterns.forEach(pattern -> pattern.matches(s)));
        }
    }

    @Test
    void theHubsSelectorTakesAStarAsEveryTopicAndRefusesControlCharacters() {
        assertThat(TopicSelector.urlPattern("*")).isEqualTo(TopicSelector.Any.EVERY);
        assertThat(TopicSelector.urlPattern(E + "/books/:id")).isInstanceOf(TopicSelector.UrlPatternSelector.class);
        assertThat(TopicSelector.urlPattern(E + "/books/:id").matches(E + "/books/1"))
                .isTrue();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TopicSelector.urlPattern(E + "/\u0001"))
                .withMessageContaining("U+0001");
    }
}
