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
