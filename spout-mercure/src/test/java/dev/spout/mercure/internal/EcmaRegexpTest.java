package dev.spout.mercure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ECMAScript {@code v}-flag regexps of URL patterns' groups, run by java.util.regex: what they match where the two
 * syntaxes read the same text differently, and what ECMAScript (or the hub) refuses.
 */
class EcmaRegexpTest {

    static Stream<Arguments> regexps() {
        return Stream.of(
                Arguments.of("\\v", List.of("\u000B"), List.of("\n")),
                Arguments.of("\\cJ\\cj", List.of("\n\n"), List.of("**")),
                Arguments.of("[\\b]", List.of("\b"), List.of("b")),
                Arguments.of("\\0", List.of("\u0000"), List.of("0")),
                Arguments.of("\\x41\\u0042\\u{43}", List.of("ABC"), List.of("abc")),
                Arguments.of("\\u{1F600}", List.of("\uD83D\uDE00"), List.of("\uD83D")),
                Arguments.of("\\uD83D\\uDE00", List.of("\uD83D\uDE00"), List.of("\uD83D")),
                Arguments.of("[^]", List.of("x", "\n"), List.of("xy")),
                Arguments.of("[]a", List.of(), List.of("a")),
                Arguments.of("[^\\d&&[0-5]]", List.of("7", "a"), List.of("3")),
                Arguments.of("[[a-z]--[aeiou]]", List.of("b"), List.of("a", "B")),
                Arguments.of("[a-c[x-z]]", List.of("b", "y"), List.of("d")),
                Arguments.of("(?<year>\\d{4})-\\d\\d", List.of("2024-01"), List.of("2024-1")),
                Arguments.of("(?i:ab)c", List.of("ABc"), List.of("ABC")),
                Arguments.of("(?i-:ab)c", List.of("aBc"), List.of("abC")),
                Arguments.of("a{2,}", List.of("aaa", "aa"), List.of("a")),
                Arguments.of("a{2}?b", List.of("aab"), List.of("ab")),
                Arguments.of("\\p{Lu}\\P{Lu}", List.of("Ab"), List.of("AB")),
                Arguments.of("\\p{Script=Greek}", List.of("\u03B1"), List.of("a")),
                Arguments.of(".", List.of("x"), List.of("\n")),
                Arguments.of("\\/\\.", List.of("/."), List.of("a.")),
                Arguments.of("x(?!y)\\w", List.of("xz"), List.of("xy")),
                Arguments.of("(?<=a)b|c", List.of("c"), List.of("b")),
                Arguments.of("[\\-\\&!#]+", List.of("-&!#"), List.of("a")));
    }

    /** A regexp, strings it matches whole, and strings it does not. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("regexps")
    void aRegexpMatchesAsECMAScriptWould(String regexp, List<String> matching, List<String> notMatching) {
        Pattern java = Pattern.compile(EcmaRegexp.toJava(regexp, new HashSet<>()));
        for (String s : matching) {
            assertThat(java.matcher(s).matches()).as("%s matches %s", regexp, s).isTrue();
        }
        for (String s : notMatching) {
            assertThat(java.matcher(s).matches())
                    .as("%s does not match %s", regexp, s)
                    .isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\\1",
                "\\k<a>",
                "(?<a>x)|(?<a>y)",
                "a**",
                "*a",
                "a{2,1}",
                "a{,2}",
                "{",
                "a]",
                "a}",
                "(?<=a)*",
                "(?=a)+",
                "\\bx*\\b+",
                "[a-]",
                "[-a]",
                "[z-a]",
                "[a&&&b]",
                "[a&&b--c]",
                "[a-z&&b]",
                "[ab&&c]",
                "[a||b]",
                "[(]",
                "[\\q{abc}]",
                "(?-:x)",
                "(?x:a)",
                "(?ii:a)",
                "(?i-i:a)",
                "(?<1a>x)",
                "\\m",
                "\\-",
                "\\x4",
                "\\u{110000}",
                "\\c1",
                "\\01",
                "\\p{NotAProperty}",
                "\\p{Script_Extensions=Greek}",
                "(a",
                "a)"
            })
    void whatECMAScriptOrTheHubRefusesIsRefusedSayingWhere(String regexp) {
        assertThatThrownBy(() -> EcmaRegexp.toJava(regexp, new HashSet<>()))
                .isInstanceOf(EcmaRegexp.Invalid.class)
                .satisfies(
                        invalid -> assertThat(((EcmaRegexp.Invalid) invalid).at).isBetween(0, regexp.length()));
    }
}
