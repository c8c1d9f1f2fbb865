package dev.streamlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal's table and the CSV for the instructor's records, from a fixed view. */
class ClassTableTest {

    private static final ClassView VIEW = new ClassView(
            0,
            List.of(
                    new ClassView.Learner(
                            "Ada L",
                            "01-the-log",
                            2,
                            75,
                            3,
                            1,
                            List.of("00-welcome"),
                            Map.of("01-keyed-producer", "7/10"),
                            true,
                            "prints 3 records"),
                    new ClassView.Learner(
                            "=cmd|' /C calc'!A0", "01-the-log", 1, 5, 0, 0, List.of(), Map.of(), false, null)),
            List.of(new ClassView.StepRow("01-the-log", 1, 1, 0, 1), new ClassView.StepRow("01-the-log", 2, 1, 1, 0)),
            2);

    @Test
    void theTableHasARowPerLearnerThenAStepLineAndTheEventsLeftOut() {
        assertThat(ClassTable.text(VIEW, 200)).isEqualTo("""
                learner             lesson      step  on step  failures  hints  finished    labs                    status
                Ada L               01-the-log  2     1:15     3         1      00-welcome  01-keyed-producer 7/10  STUCK
                =cmd|' /C calc'!A0  01-the-log  1     0:05     0         0
                step 01-the-log #1: 1 here, 0 stuck, 1 past it
                step 01-the-log #2: 1 here, 1 stuck, 0 past it
                2 events left out (not in the schema)
                """);
        assertThat(ClassTable.text(VIEW, 40).lines()).allMatch(l -> l.length() <= 40);
    }

    @Test
    void theCsvQuotesWhatASpreadsheetWouldRunAsAFormula() {
        assertThat(ClassTable.csv(VIEW))
                .isEqualTo("learner,lesson,step,on step,failures,hints,finished,labs,status\r\n"
                        + "Ada L,01-the-log,2,1:15,3,1,00-welcome,01-keyed-producer 7/10,STUCK\r\n"
                        + "'=cmd|' /C calc'!A0,01-the-log,1,0:05,0,0,,,\r\n");
    }
}
