package dev.streamlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LessonCatalogueTest {

    @Test
    void theBuiltInCatalogueMatchesTheLessonSources() throws Exception {
        LessonCatalogue builtIn = LessonCatalogue.builtIn();
        assertThat(builtIn.lessons())
                .as("target/classes/lessons/catalogue.json is stale: build again (./mvnw -pl shell process-classes)")
                .isEqualTo(LessonCompiler.parseAll(Path.of("../lessons")));
    }

    @Test
    void noShippedLessonIsLeftOut() {
        assertThat(LessonCatalogue.builtIn().problems()).isEmpty();
    }

    /** As an author meets it: one lesson with a mistyped expectation is left out with its line, and the others open. */
    @Test
    void aBrokenLessonIsLeftOutWithItsLineAndTheOthersStillOpen(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path lessons = java.nio.file.Files.createDirectories(dir.resolve("lessons"));
        String welcome = java.nio.file.Files.readString(Path.of("../lessons/00-welcome.adoc"))
                .lines()
                .limit(25)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        java.nio.file.Files.writeString(lessons.resolve("00-welcome.adoc"), welcome);
        java.nio.file.Files.writeString(
                lessons.resolve("06-broken.adoc"), welcome.replaceFirst("output contains", "output contians"));
        Path catalogue = dir.resolve("out/lessons/catalogue.json");

        LessonCompiler.main(new String[] {lessons.toString(), catalogue.toString()});

        ObjectMapperHolder json = new ObjectMapperHolder();
        assertThat(json.read(catalogue).findValuesAsText("id"))
                .contains("00-welcome")
                .doesNotContain("06-broken");
        String problems = java.nio.file.Files.readString(catalogue.resolveSibling(LessonCatalogue.PROBLEMS_FILE));
        assertThat(problems).contains("lessons/06-broken.adoc:24").contains("contians");
    }

    private static final class ObjectMapperHolder {
        com.fasterxml.jackson.databind.JsonNode read(Path file) throws java.io.IOException {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        }
    }

    @Test
    void theBuiltInDemosMatchTheirSourcesAndAreNotLessons() throws Exception {
        LessonCatalogue demos = LessonCatalogue.builtInDemos();
        assertThat(demos.lessons())
                .as("target/classes/lessons/demos.json is stale: build again (./mvnw -pl shell process-classes)")
                .isEqualTo(LessonCompiler.parseDemos(Path.of("../lessons")));
        assertThat(demos.find("streaming-first")).isPresent();
        assertThat(LessonCatalogue.builtIn().find("streaming-first")).isEmpty();
    }

    @Test
    void aLessonAnswersToItsNumberNameAndId() {
        LessonCatalogue catalogue = LessonCatalogue.builtIn();
        assertThat(catalogue.find("00")).isPresent();
        assertThat(catalogue.find("0")).isPresent();
        assertThat(catalogue.find("welcome")).isPresent();
        assertThat(catalogue.find("00-welcome")).isPresent();
        assertThat(catalogue.find("nope")).isEmpty();
        assertThat(catalogue.listing()).contains("00  welcome  Welcome to streamlab");
    }
}
