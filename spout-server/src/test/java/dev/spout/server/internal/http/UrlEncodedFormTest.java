package dev.spout.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The form parser as a table: what each text means, and what it refuses. */
class UrlEncodedFormTest {

    @ParameterizedTest(name = "{0} -> {1} = [{2}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "a=1            | a | 1",
                "a=1&b=2        | b | 2",
                "a=x+y          | a | x y",
                "a=x%20y%2By    | a | x y+y",
                "a%5B%5D=1      | a[] | 1",
                "a=1=2          | a | 1=2",
                "a              | a | ''",
                "a=             | a | ''",
                "&&a=1&&        | a | 1",
                "a=%C3%A9t%C3%A9 | a | été",
                "a=été          | a | été",
                "a=%f0%9f%98%80 | a | 😀",
            })
    void aFieldMeansWhatTheWhatwgParserSays(String text, String name, String value) throws Exception {
        assertThat(UrlEncodedForm.parse(text, StandardCharsets.UTF_8, 100).value(name))
                .isEqualTo(value);
    }

    @Test
    void aRepeatedNameKeepsEveryValueInOrder() throws Exception {
        var form = UrlEncodedForm.parse("topic=a&x=1&topic=b&topic=c", StandardCharsets.UTF_8, 100);
        assertThat(form.values("topic")).containsExactly("a", "b", "c");
        assertThat(form.value("topic")).isEqualTo("a");
        assertThat(form.values("absent")).isEmpty();
        assertThat(form.value("absent")).isNull();
        assertThat(form.size()).isEqualTo(2);
    }

    @Test
    void everyValueOfARepeatedNameCountsAgainstTheBound() throws Exception {
        String threeValues = "a=x&a=x&a=x";
        assertThat(UrlEncodedForm.parse(threeValues, StandardCharsets.UTF_8, 3).values("a"))
                .hasSize(3);
        assertThatThrownBy(() -> UrlEncodedForm.parse(threeValues, StandardCharsets.UTF_8, 2))
                .isInstanceOfSatisfying(
                        UrlEncodedForm.Refused.class,
                        refused -> assertThat(refused.tooMany()).isTrue())
                .hasMessage("more than 2 fields");
        // Pairs without '=' count too, and the search for '=' never runs past its pair.
        String bare = String.join("&", java.util.Collections.nCopies(5, "a"));
        assertThatThrownBy(() -> UrlEncodedForm.parse(bare, StandardCharsets.UTF_8, 4))
                .isInstanceOf(UrlEncodedForm.Refused.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a=%zz        | a broken escape at \"%zz\"",
                "a=%4         | a broken escape at \"%4\"",
                "a=1&b%       | a broken escape at \"%\"",
                "a=%ff%fe     | \"%ff%fe\" is not UTF-8 text once unescaped",
                "%C3=1        | \"%C3=1\" is not UTF-8 text once unescaped",
            })
    void aBrokenFormIsRefusedWithWhereItBroke(String text, String message) {
        assertThatThrownBy(() -> UrlEncodedForm.parse(text, StandardCharsets.UTF_8, 100))
                .isInstanceOfSatisfying(
                        UrlEncodedForm.Refused.class,
                        refused -> assertThat(refused.tooMany()).isFalse())
                .hasMessage(message);
    }

    @Test
    void escapesAreBytesOfTheFormsCharset() throws Exception {
        assertThat(UrlEncodedForm.parse("a=%E9t%E9", StandardCharsets.ISO_8859_1, 10)
                        .value("a"))
                .isEqualTo("été");
        assertThat(UrlEncodedForm.parse("", StandardCharsets.UTF_8, 0).size()).isZero();
        assertThat(UrlEncodedForm.parse("a=1", StandardCharsets.UTF_8, 10).values("a"))
                .isEqualTo(List.of("1"));
    }
}
