package dev.spout.html;

import static dev.spout.html.Html.attr;
import static dev.spout.html.Html.br;
import static dev.spout.html.Html.classes;
import static dev.spout.html.Html.div;
import static dev.spout.html.Html.element;
import static dev.spout.html.Html.fragment;
import static dev.spout.html.Html.id;
import static dev.spout.html.Html.input;
import static dev.spout.html.Html.span;
import static dev.spout.html.Html.text;
import static dev.spout.html.Html.trustedHtml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void rendersNestedElementsWithAttributesInOrder() {
        assertThat(div(text("Current time: "), span(id("display"))).render())
                .isEqualTo("<div>Current time: <span id=\"display\"></span></div>");
    }

    @Test
    void escapesTextSoItCannotBecomeMarkup() {
        assertThat(div(text("<script>alert('x')</script> & co")).render())
                .isEqualTo("<div>&lt;script&gt;alert('x')&lt;/script&gt; &amp; co</div>");
    }

    @Test
    void escapesAttributeValuesSoTheyCannotLeaveTheQuotes() {
        assertThat(div(attr("title", "\" onmouseover=\"alert(1)"), classes("a'b<c>&"))
                        .render())
                .isEqualTo("<div title=\"&quot; onmouseover=&quot;alert(1)\" class=\"a&#39;b&lt;c&gt;&amp;\"></div>");
    }

    @Test
    void insertsTrustedHtmlVerbatimOnlyWhenAskedByName() {
        assertThat(div(trustedHtml("<b>bold</b>")).render()).isEqualTo("<div><b>bold</b></div>");
    }

    @Test
    void rendersVoidAndBooleanAttributesAndFragments() {
        assertThat(fragment(input(attr("disabled", null), attr("type", "text")), br())
                        .render())
                .isEqualTo("<input disabled type=\"text\"><br>");
    }

    @Test
    void refusesNamesThatWouldBreakTheTag() {
        assertThatIllegalArgumentException().isThrownBy(() -> attr("onclick=\"x\"", "y"));
        assertThatIllegalArgumentException().isThrownBy(() -> element("div onclick", text("x")));
        assertThatIllegalArgumentException().isThrownBy(() -> attr("", "y"));
        assertThatIllegalArgumentException().isThrownBy(() -> element("br", text("child")));
    }

    @Test
    void elementsCanBeExtended() {
        assertThat(div(id("a")).with(classes("b"), text("c")).render()).isEqualTo("<div id=\"a\" class=\"b\">c</div>");
    }

    @Test
    void scriptUrlsInUrlAttributesBecomeDeadLinks() {
        for (String url : new String[] {
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " \u0001javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>"
        }) {
            assertThat(Html.a(Html.href(url), text("x")).render())
                    .as(url)
                    .isEqualTo("<a href=\"about:invalid#spout-blocked-url\">x</a>");
        }
        assertThat(element("form", attr("action", "javascript:steal()")).render())
                .contains("about:invalid");
        assertThat(element("img", attr("SRC", "javascript:x")).render()).contains("about:invalid");
        assertThat(element("button", attr("formaction", "javascript:x")).render())
                .contains("about:invalid");
    }

    @Test
    void safeAndRelativeUrlsAreKept() {
        for (String url : new String[] {
            "https://example.com/a?b=c#d",
            "http://example.com",
            "mailto:ann@example.com",
            "tel:+4312345",
            "/path",
            "path/with:colon",
            "?next=/x",
            "#anchor",
            "//cdn.example.com/x.js",
            ""
        }) {
            assertThat(Html.href(url).value()).as(url).isEqualTo(url);
        }
        assertThat(attr("title", "javascript:is just text here").value()).isEqualTo("javascript:is just text here");
    }

    @Test
    void aTrustedUrlIsKeptAsWritten() {
        assertThat(Html.a(Html.trustedUrl("href", "javascript:void(0)"), text("x"))
                        .render())
                .isEqualTo("<a href=\"javascript:void(0)\">x</a>");
    }
}
