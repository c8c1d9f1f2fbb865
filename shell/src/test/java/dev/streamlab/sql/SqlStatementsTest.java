package dev.streamlab.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {

    @Test
    void cutsAtTheSemicolonsThatEndStatementsAndKeepsTheirLines() {
        List<SqlStatements.Statement> statements =
                SqlStatements.split("CREATE TABLE t (a STRING) WITH ('connector' = 'datagen');\n\nSELECT a\nFROM t;\n");
        assertThat(statements)
                .extracting(SqlStatements.Statement::written)
                .containsExactly("CREATE TABLE t (a STRING) WITH ('connector' = 'datagen')", "SELECT a\nFROM t");
        assertThat(statements).extracting(SqlStatements.Statement::line).containsExactly(1, 3);
        // Flink's "line N" must name the line in the cell: the text starts on its own line.
        assertThat(statements.get(1).text()).startsWith("\n\nSELECT a");
    }

    @Test
    void aSemicolonInAStringANameOrACommentDoesNotEndTheStatement() {
        List<SqlStatements.Statement> statements = SqlStatements.split(
                "SELECT 'a;b', `odd;name`, \"x;y\" -- a comment; still one\n/* and; this */ FROM t;SELECT 'it''s;';");
        assertThat(statements)
                .extracting(SqlStatements.Statement::written)
                .containsExactly(
                        "SELECT 'a;b', `odd;name`, \"x;y\" -- a comment; still one\n/* and; this */ FROM t",
                        "SELECT 'it''s;'");
    }

    @Test
    void theLastStatementNeedsNoSemicolonAndCommentsAloneAreNoStatement() {
        assertThat(SqlStatements.split("-- only a comment\n;  ;\n/* nothing */"))
                .isEmpty();
        assertThat(SqlStatements.split("SELECT 1"))
                .extracting(SqlStatements.Statement::written)
                .containsExactly("SELECT 1");
        assertThat(SqlStatements.split("-- the talk's query\nSELECT 1;"))
                .singleElement()
                .satisfies(s -> assertThat(s.line()).isEqualTo(2));
    }

    @Test
    void anUnclosedQuoteRunsToTheEndRatherThanLosingText() {
        assertThat(SqlStatements.split("SELECT 'open; FROM t"))
                .extracting(SqlStatements.Statement::written)
                .containsExactly("SELECT 'open; FROM t");
    }

    @Test
    void tellsSqlTypedAtThePromptFromJava() {
        assertThat(SqlStatements.looksLikeSql("SELECT * FROM authorization_attempts"))
                .isTrue();
        assertThat(SqlStatements.looksLikeSql("show tables;")).isTrue();
        assertThat(SqlStatements.looksLikeSql("-- count\nselect 1")).isTrue();
        assertThat(SqlStatements.looksLikeSql("var select = 1;")).isFalse();
        assertThat(SqlStatements.looksLikeSql("System.out.println(\"SELECT 1\")"))
                .isFalse();
        assertThat(SqlStatements.looksLikeSql("Set<String> s = new HashSet<>();"))
                .isFalse();
    }

    @Test
    void findsTheQuerysOwnLimitAtItsEnd() {
        assertThat(SqlStatements.limit("SELECT page FROM visits LIMIT 5")).hasValue(5);
        assertThat(SqlStatements.limit("select page\nfrom visits\nlimit 12 ")).hasValue(12);
        assertThat(SqlStatements.limit("SELECT * FROM (SELECT page FROM visits LIMIT 3) WHERE page = 'x'"))
                .isEmpty();
        assertThat(SqlStatements.limit("SELECT 'LIMIT 3'")).isEmpty();
    }
}
