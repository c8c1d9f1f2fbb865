package dev.streamlab.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void optionsComeBeforeTheClassPathTheMainClassAndItsArguments() {
        List<String> command = JavaCommand.using(Path.of("/jdk/bin/java"))
                .option("-Xmx64m")
                .property("answer", 42)
                .classPath(List.of(Path.of("/a.jar"), "/classes"))
                .main("dev.example.Main", "one", "two")
                .toList();

        assertThat(command)
                .containsExactly(
                        "/jdk/bin/java",
                        "-Xmx64m",
                        "-Danswer=42",
                        "-cp",
                        "/a.jar" + File.pathSeparator + "/classes",
                        "dev.example.Main",
                        "one",
                        "two");
    }

    @Test
    void theDefaultJavaIsThisJdksAndAChildOfOursGetsOurClassPath() {
        List<String> command = JavaCommand.ofThisJdk()
                .classPath(JavaCommand.ownClassPath())
                .main("X")
                .toList();

        assertThat(command.get(0))
                .isEqualTo(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command.get(2)).isEqualTo(System.getProperty("java.class.path"));
    }

    @Test
    void aCommandWithoutAMainClassIsAMistakeOfOurs() {
        assertThatThrownBy(() -> JavaCommand.ofThisJdk().toList())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A Java command needs a main class.");
    }
}
