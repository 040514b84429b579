package dev.spout.mercure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** URI templates as Mercure 0.x selectors: the topics their expansions reach, and only those (RFC 6570, 1.2 and 3). */
class UriTemplateTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://example.com/books/{id}|https://example.com/books/42|true",
                "https://example.com/books/{id}|https://example.com/books/a%20b|true",
                "https://example.com/books/{id}|https://example.com/books/|true",
                "https://example.com/books/{id}|https://example.com/books/42/reviews|false",
                "https://example.com/books/{id}|https://example.com/books/42?x=1|false",
                "https://example.com/books/{id}|https://example.com/authors/42|false",
                "https://example.com/{+path}|https://example.com/books/42/reviews|true",
                "https://example.com/books{/id,part}|https://example.com/books/42/reviews|true",
                "https://example.com/books{/id}|https://example.com/books|true",
                "https://example.com/books{?page,size}|https://example.com/books?page=2&size=10|true",
                "https://example.com/books{?page}|https://example.com/books?page=2#x|false",
                "https://example.com/page{#section}|https://example.com/page#intro|true",
                "https://example.com/file{.ext}|https://example.com/file.json|true",
                "https://example.com/map{;x,y}|https://example.com/map;x=1;y=2|true",
                "https://example.com/books?fixed=1{&page}|https://example.com/books?fixed=1&page=3|true",
                "urn:book:{isbn:3}|urn:book:978|true",
                "https://example.com/{a}{b}|https://example.com/xy|true",
                "https://example.com/books/1.json|https://example.com/books/1xjson|false",
            })
    void aTemplateMatchesWhatItsExpansionsReach(String template, String topic, boolean matches) {
        assertThat(UriTemplate.compile(template).matches(topic)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://example.com/{id",
                "https://example.com/id}",
                "https://example.com/{}",
                "https://example.com/{=id}",
                "https://example.com/{!id}",
                "https://example.com/{i d}",
                "https://example.com/{id:0}",
                "https://example.com/{id:x}",
            })
    void whatRfc6570RefusesIsRefused(String template) {
        assertThatIllegalArgumentException().isThrownBy(() -> UriTemplate.compile(template));
    }

    @Test
    void templatesAreBounded() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UriTemplate.compile("x".repeat(UriTemplate.MAX_LENGTH + 1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UriTemplate.compile("{a}".repeat(UriTemplate.MAX_EXPRESSIONS + 1)));
    }

    /**
     * Inputs that fail only at their last character are decided at once, and a template whose expressions could split
     * a topic in very many ways stops at its bound of work (no match) rather than running on.
     */
    @Test
    void longInputsAreDecidedWithinABound() {
        assertThat(UriTemplate.compile("x{.a}y").matches("x" + ".a".repeat(900) + "!"))
                .isFalse();
        assertThat(UriTemplate.compile("x{/a}y").matches("x" + "/a".repeat(900) + "!"))
                .isFalse();
        assertThat(UriTemplate.compile("x{;a}y").matches("x" + ";a=1".repeat(400) + "!"))
                .isFalse();
        assertThat(UriTemplate.compile("x{?a}{&b}y").matches("x?a=1" + "&b=2".repeat(400) + "!"))
                .isFalse();
        assertThat(UriTemplate.compile("{a}{b}{c}{d}{e}{f}{g}{h}x").matches("a".repeat(2000) + "y"))
                .isFalse();
        assertThat(UriTemplate.compile("{a}{b}{c}x").matches("a".repeat(200) + "x"))
                .as("a match within the bound")
                .isTrue();
    }
}
