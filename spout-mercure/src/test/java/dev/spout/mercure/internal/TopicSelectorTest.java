package dev.spout.mercure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Selectors of both generations: the wildcard, exact topics, and templates (0.x) only where a template is. */
class TopicSelectorTest {

    @Test
    void theWildcardSelectsEveryTopicInBothGenerations() {
        assertThat(TopicSelector.exact("*").matches("https://example.com/anything"))
                .isTrue();
        assertThat(TopicSelector.legacy("*").matches("urn:x")).isTrue();
    }

    @Test
    void anExactSelectorComparesCharacterForCharacter() {
        var exact = TopicSelector.exact("https://example.com/books/1");
        assertThat(exact.matches("https://example.com/books/1")).isTrue();
        assertThat(exact.matches("https://EXAMPLE.com/books/1")).isFalse();
        assertThat(exact.matches("https://example.com/books/1/")).isFalse();
        assertThat(TopicSelector.exact("https://example.com/books/{id}").matches("https://example.com/books/1"))
                .as("Mercure 1.0's exact match takes braces as characters")
                .isFalse();
    }

    @Test
    void aLegacySelectorWithAnExpressionIsATemplate() {
        assertThat(TopicSelector.legacy("https://example.com/books/{id}")).isInstanceOf(TopicSelector.Template.class);
        assertThat(TopicSelector.legacy("https://example.com/books/{id}").matches("https://example.com/books/1"))
                .isTrue();
        assertThat(TopicSelector.legacy("https://example.com/books/1")).isInstanceOf(TopicSelector.Exact.class);
    }

    @Test
    void aBadSelectorIsRefusedWithTheRuleItBreaks() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TopicSelector.exact(""))
                .withMessageContaining("empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TopicSelector.exact("a\tb"))
                .withMessageContaining("U+0009");
        assertThatIllegalArgumentException().isThrownBy(() -> TopicSelector.legacy("https://e.com/{id"));
    }
}
