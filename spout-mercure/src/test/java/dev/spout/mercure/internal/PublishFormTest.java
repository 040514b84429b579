package dev.spout.mercure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The publish form, read by the protocol's rules: what an update is made of, and every refusal with its status. */
class PublishFormTest {
    static final URI HUB = URI.create("https://hub.example.com/.well-known/mercure");

    static List<Map.Entry<String, String>> form(String... namesAndValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return fields;
    }

    @Test
    void everyFieldOfAnUpdate() {
        Update update = PublishForm.read(
                form(
                        "topic", "https://example.com/books/1",
                        "data", "{\"title\":\"Dune\"}",
                        "id", "urn:uuid:1",
                        "type", "book",
                        "retry", "3000",
                        "private", "",
                        "unknown", "ignored"),
                HUB);
        assertThat(update)
                .isEqualTo(new Update(
                        "https://example.com/books/1",
                        List.of(),
                        "{\"title\":\"Dune\"}",
                        "urn:uuid:1",
                        "book",
                        3000L,
                        true));
    }

    @Test
    void aMercure0xPublisherRepeatsTheTopicTheFirstCanonical() {
        Update update = PublishForm.read(
                form("topic", "https://example.com/books/1", "topic", "https://example.com/authors/7", "data", "x"),
                HUB);
        assertThat(update.topic()).isEqualTo("https://example.com/books/1");
        assertThat(update.topics()).containsExactly("https://example.com/books/1", "https://example.com/authors/7");
        assertThat(update.isPrivate()).isFalse();
        assertThat(update.id()).isNull();
    }

    @Test
    void privateIsItsPresenceWhateverItsValue() {
        for (String value : new String[] {"", "on", "false", "0"}) {
            assertThat(PublishForm.read(form("topic", "t", "private", value), HUB)
                            .isPrivate())
                    .as("private=%s", value)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "retry|-1|400",
                "retry|1.5|400",
                "retry|ten|400",
                "retry|1234567890123456789|400",
                "id|earliest|400",
                "id|#7|400",
                "topic|/.well-known/mercure/subscriptions/exact/x/y|400",
                "topic|https://hub.example.com/.well-known/mercure/subscriptions|400",
                "topic|http://elsewhere.example/.well-known/mercure|400",
                "topic|/x/../.well-known/mercure/subscriptions|400",
                "topic|/.well-known/%6Dercure/subscriptions|400",
                "topic|*|400",
                "type|mercure|400",
            })
    void aFieldThatBreaksARuleIsRefusedWithItsStatus(String name, String value, int status) {
        var fields = name.equals("topic") ? form("topic", value) : form("topic", "t", name, value);
        assertThatThrownBy(() -> PublishForm.read(fields, HUB))
                .isInstanceOfSatisfying(
                        ProtocolException.class,
                        refused -> assertThat(refused.status()).isEqualTo(status));
    }

    @Test
    void whatIsMissingOrTwiceOrTooBigIsRefused() {
        assertThat(status(form("data", "no topic"))).isEqualTo(400);
        assertThat(status(form("topic", "t", "data", "a", "data", "b"))).isEqualTo(400);
        assertThat(status(form("topic", "t", "id", "a\r"))).isEqualTo(400);
        assertThat(status(form("topic", "t", "type", "a\nb"))).isEqualTo(400);
        assertThat(status(form("topic", "a" + (char) 1 + "b"))).as("C0").isEqualTo(400);
        assertThat(status(form("topic", "a" + (char) 0x7F + "b"))).as("DEL").isEqualTo(400);
        assertThat(status(form("topic", "a" + (char) 0x85 + "b"))).as("C1").isEqualTo(400);
        assertThat(status(form("topic", "x".repeat(Topics.MAX_LENGTH + 1)))).isEqualTo(413);
        assertThat(status(form("topic", "t", "id", "i".repeat(PublishForm.MAX_ID_LENGTH + 1))))
                .isEqualTo(413);
        List<Map.Entry<String, String>> many = new ArrayList<>();
        for (int i = 0; i <= PublishForm.MAX_TOPICS; i++) {
            many.add(Map.entry("topic", "t" + i));
        }
        assertThat(status(many)).isEqualTo(413);
    }

    @Test
    void aTopicNearTheNamespaceIsNotInIt() {
        assertThat(PublishForm.read(form("topic", "/.well-known/mercure-news"), HUB)
                        .topic())
                .isEqualTo("/.well-known/mercure-news");
        assertThat(PublishForm.read(form("topic", "not a uri at all"), HUB).topic())
                .isEqualTo("not a uri at all");
    }

    private static int status(List<Map.Entry<String, String>> fields) {
        try {
            PublishForm.read(fields, HUB);
            return 200;
        } catch (ProtocolException refused) {
            return refused.status();
        }
    }
}
