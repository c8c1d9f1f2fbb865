package dev.streamlab.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.lesson.Prose;
import dev.streamlab.lesson.Span;
import dev.streamlab.terminal.Styles;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProseRendererTest {

    private final ProseRenderer plain = new ProseRenderer(new Styles(false), 40);

    @Test
    void rendersEveryKindOfBlockWithoutMarkup() {
        String text = plain.render(List.of(
                new Prose(Prose.Kind.HEADING, 1, "", List.of(List.of(Span.plain("The log")))),
                new Prose(
                        Prose.Kind.PARAGRAPH,
                        0,
                        "",
                        List.of(List.of(
                                Span.plain("Records are added at the "),
                                new Span(Span.Style.STRONG, "end"),
                                Span.plain(", old on the left and new on the right.")))),
                new Prose(
                        Prose.Kind.LIST,
                        0,
                        "1.",
                        List.of(List.of(Span.plain("one")), List.of(new Span(Span.Style.CODE, "two")))),
                new Prose(Prose.Kind.ADMONITION, 0, "NOTE", List.of(List.of(Span.plain("Keys keep order.")))),
                new Prose(Prose.Kind.CODE, 0, "java", List.of(List.of(Span.plain("int x = 1;"))))));

        assertThat(text).isEqualTo("""

                The log

                Records are added at the end, old on the
                left and new on the right.

                  1. one
                  2. two

                ▌ Note: Keys keep order.

                  │ int x = 1;

                """);
    }

    @Test
    void coloursOnlyWhenAsked() {
        Prose bold = new Prose(Prose.Kind.PARAGRAPH, 0, "", List.of(List.of(new Span(Span.Style.STRONG, "bold"))));
        assertThat(new ProseRenderer(new Styles(true), 80).render(bold)).contains("\u001b[");
        assertThat(plain.render(bold)).doesNotContain("\u001b[").isEqualTo("bold\n");
    }
}
