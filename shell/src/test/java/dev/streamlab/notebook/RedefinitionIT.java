package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A learner who fixes a cell and runs it again gets the new code's result, through the real child engine, with
 * jshell's own words for what changed. Each step asserts the exact output, as the JDK's ReplToolTesting does.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RedefinitionIT {

    private static JavaSession session;

    @BeforeAll
    static void start() {
        session = new JavaSession(List.of("-Xmx96m", "-XX:+UseSerialGC"), Notebook.PRELUDE);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @BeforeEach
    void fresh() {
        session.reset();
    }

    private static void step(String code, String expectedOutput) {
        JavaResult result = session.eval(code);
        assertThat(result.output()).as("output of `%s`", code).isEqualTo(expectedOutput);
    }

    @Test
    void aVariableTakesItsNewValue() {
        step("String t = \"one\";", "t ==> \"one\"\n");
        step("String t = \"two\";", "t ==> \"two\"\nmodified variable t : String\n");
        step("t", "t ==> \"two\"\n");
        step("int t = 3;", "t ==> 3\nreplaced variable t : int\n");
        step("t + 1", "$1 ==> 4\n");
    }

    @Test
    void varInfersTheNewType() {
        step("var v = 1;", "v ==> 1\n");
        step("var v = \"one\";", "v ==> \"one\"\nreplaced variable v : String\n");
        step("v.length()", "$1 ==> 3\n");
    }

    @Test
    void aMethodRunsItsNewBodyAndItsCallersFollow() {
        step("int f() { return 1; }", "created method f()\n");
        step("int g() { return f() * 10; }", "created method g()\n");
        step("int f() { return 2; }", "modified method f()\n");
        step("f()", "$1 ==> 2\n");
        step("g()", "$2 ==> 20\n");
        step("int f() { return 3; }", "modified method f()\n");
        step("g()", "$3 ==> 30\n");
        // A change that breaks a caller: JShell's own words, and the session carries on.
        step(
                "long f() { return 4; }",
                "replaced method f()\n  update modified method g(), which cannot be invoked until "
                        + "this error is corrected: incompatible types: possible lossy conversion from long to int\n");
        JavaResult broken = session.eval("g()");
        assertThat(broken.outcome()).isEqualTo(JavaOutcome.EXCEPTION);
        assertThat(broken.output())
                .isEqualTo("attempted to use method g(), which cannot be invoked until this error is corrected: "
                        + "incompatible types: possible lossy conversion from long to int\n");
        step("f()", "$5 ==> 4\n");
    }

    @Test
    void aChangedClassIsUsedAtOnceAndItsOldObjectsAreReset() {
        step("class A { int v() { return 1; } }", "created class A\n");
        step("A a = new A(); a.v()", "created variable a : A\n$1 ==> 1\n");
        step("class A { int v() { return 2; } }", "replaced class A\n  update replaced variable a, reset to null\n");
        step("new A().v()", "$2 ==> 2\n");
        step("record P(int x) {}", "created record P\n");
        step("record P(int x, int y) {}", "replaced record P\n");
        step("new P(1, 2)", "$3 ==> P[x=1, y=2]\n");
        step("interface Shape { int sides(); }", "created interface Shape\n");
        step(
                "interface Shape { int sides(); default String name() { return \"shape\"; } }",
                "replaced interface Shape\n");
        step("new Shape() { public int sides() { return 3; } }.name()", "$4 ==> \"shape\"\n");
    }

    @Test
    void aVarOfAChangedClassMustBeDeclaredAgain() {
        step("class C { public String toString() { return \"a C\"; } }", "created class C\n");
        step("var c = new C();", "c ==> a C\n");
        step(
                "class C { int x; public String toString() { return \"a C\"; } }",
                "replaced class C\n  update replaced variable c, which cannot be used until you declare it again\n");
        step("var c = new C(); c.x", "modified variable c : C\n$1 ==> 0\n");
    }

    @Test
    void aReplacedImportTakesEffect() {
        step("import java.awt.List;", "");
        step("List.class.getName()", "$1 ==> \"java.awt.List\"\n");
        step("import java.util.List;", "");
        step("List.class.getName()", "$2 ==> \"java.util.List\"\n");
    }

    @Test
    void aChangeThatBreaksACallerSaysSoInJshellsWords() {
        step("int h(int x) { return x; }", "created method h(int)\n");
        step("int g() { return h(1); }", "created method g()\n");
        step("int h(String x) { return 0; }", "created method h(String)\n");
        step("g()", "$1 ==> 1\n");
        step(
                "int k() { return missing(1); }",
                "created method k(), however, it cannot be invoked until method missing(int) is declared\n");
        JavaResult call = session.eval("k()");
        assertThat(call.outcome()).isEqualTo(JavaOutcome.EXCEPTION);
        assertThat(call.output())
                .isEqualTo(
                        "attempted to use method k(), which cannot be invoked until method missing(int) is declared\n");
        step("int missing(int x) { return x + 1; }", "created method missing(int)\n");
        step("k()", "$3 ==> 2\n");
    }

    @Test
    void hidingAHelperIsNamed() {
        step(
                "void send(String text) { System.out.println(\"mine: \" + text); }",
                "created method send(String)\n"
                        + "Note: your method send(String) hides streamlab's helper send(...) in the cells that follow; /reset brings the helper back.\n");
        step("send(\"x\")", "mine: x\n");
        session.reset();
        assertThat(session.eval("send(\"t\", \"k\", \"v\")").output()).doesNotContain("mine");
    }

    @Test
    void aCellOfSeveralSnippetsShowsShortLinesAndTheLastValue() {
        step(
                "var missing = new TreeSet<>(List.of(\"a\", \"b\", \"c\"));\nmissing.removeAll(List.of(\"a\", \"b\", \"c\"));\nSystem.out.println(\"left: \" + missing);\nmissing",
                "created variable missing : TreeSet<String>\nleft: []\nmissing ==> []\n");
        step("int f() { return 1; }\nint x = f();", "created method f()\nx ==> 1\n");
        // The result keeps a value whole: a front end cuts it to its window.
        step("String s = \"a\".repeat(300);", "s ==> \"" + "a".repeat(300) + "\"\n");
        step("System.out.println(\"b\".repeat(150));", "b".repeat(150) + "\n");
    }
}
