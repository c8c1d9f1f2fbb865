package dev.streamlab.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The layout the README promises, as a fresh clone has it (generated folders such as slides/decks/ excluded). */
class ProjectLayoutTest {

    private final Path root = ProjectRoot.find();

    @Test
    void everyFolderTheReadmeNamesIsThere() {
        assertThat(root.resolve("pom.xml")).isRegularFile();
        assertThat(root.resolve("README.adoc")).isRegularFile();
        for (String folder : new String[] {"shell", "lessons", "demo-data", "labs", "slides", "docs"}) {
            assertThat(root.resolve(folder)).as(folder).isDirectory();
        }
        assertThat(root.resolve("slides/README.adoc")).isRegularFile();
        assertThat(root.resolve("docs/index.adoc")).isRegularFile();
        assertThat(root.resolve("slides/theme/deck.css")).isRegularFile();
        assertThat(root.resolve("labs/classroom/streamlab-autograding.yml")).isRegularFile();
    }
}
