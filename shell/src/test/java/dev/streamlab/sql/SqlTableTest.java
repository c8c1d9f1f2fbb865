package dev.streamlab.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTableTest {

    @Test
    void drawsRowsOneAtATimeUnderAHeaderAsFlinksClientDoes() {
        SqlTable table = new SqlTable(List.of("card_number", "attempts"), List.of("STRING", "BIGINT NOT NULL"));
        assertThat(table.header()).isEqualTo("""
                +----+------------------+----------+
                | op |      card_number | attempts |
                +----+------------------+----------+
                """);
        assertThat(table.row("+I", List.of("4000009499599218", "4")))
                .isEqualTo("| +I | 4000009499599218 |        4 |\n");
        assertThat(table.border()).isEqualTo("+----+------------------+----------+");
    }

    @Test
    void nullsAndLongValuesKeepTheColumnsStraight() {
        SqlTable table = new SqlTable(List.of("merchant"), List.of("STRING"));
        assertThat(table.row("+I", Arrays.asList((String) null))).isEqualTo("| +I |           <NULL> |\n");
        assertThat(table.row("-U", List.of("A merchant with a very long name\nover two lines")))
                .isEqualTo("| -U | A merchant wi... |\n");
    }
}
