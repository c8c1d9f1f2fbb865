package dev.streamlab.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.notebook.JavaSession;
import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the line editor reads Java: unfinished code asks for another line; the word to complete is the identifier. */
class JavaLineParserIT {

    private static JavaSession java;
    private static JavaLineParser parser;

    @BeforeAll
    static void start() {
        java = new JavaSession(List.of("-Xmx64m"), List.of());
        parser = new JavaLineParser(java);
    }

    @AfterAll
    static void stop() {
        java.close();
    }

    @Test
    void unfinishedJavaAsksForAnotherLine() {
        assertThatThrownBy(() -> parser.parse("for (int i = 0; i < 3; i++) {", 29, ParseContext.ACCEPT_LINE))
                .isInstanceOf(EOFError.class);
        String whole = "for (int i = 0; i < 3; i++) {\n  System.out.println(i);\n}";
        assertThat(parser.parse(whole, whole.length(), ParseContext.ACCEPT_LINE).line())
                .isEqualTo(whole);
    }

    @Test
    void commandsAndBackslashesPassUntouched() {
        assertThat(parser.parse("/broker kill 2", 14, ParseContext.ACCEPT_LINE).line())
                .isEqualTo("/broker kill 2");
        String regex = "\"a\\\\d+\".matches(\"x\")";
        assertThat(parser.parse(regex, regex.length(), ParseContext.ACCEPT_LINE).line())
                .isEqualTo(regex);
    }

    @Test
    void theWordToCompleteIsTheIdentifierBeforeTheCursor() {
        ParsedLine line = parser.parse("System.out.pri", 14, ParseContext.COMPLETE);
        assertThat(line.word()).isEqualTo("pri");
        assertThat(line.wordCursor()).isEqualTo(3);
        assertThat(java.complete("System.out.pri", 14).candidates()).contains("println(");
    }
}
