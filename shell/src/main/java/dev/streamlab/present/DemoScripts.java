package dev.streamlab.present;

import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.lesson.LessonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code streamlab demo NAME} plays: a built-in demo ({@code lessons/demos/NAME.adoc}), a lesson, or any
 * file in the lesson format. Built-in demos and lessons were parsed at build time; only a file starts Asciidoctor.
 */
public final class DemoScripts {

    private DemoScripts() {}

    public static Optional<Lesson> find(String name) {
        Optional<Lesson> builtIn = LessonCatalogue.builtInDemos()
                .find(name)
                .or(() -> LessonCatalogue.builtIn().find(name));
        if (builtIn.isPresent()) {
            return builtIn;
        }
        Path file = Path.of(name);
        if (Files.isRegularFile(file) && name.endsWith(".adoc")) {
            try (LessonParser parser = new LessonParser()) {
                return Optional.of(parser.parse(file, file.toString()));
            }
        }
        return Optional.empty();
    }

    /** The names {@code demo} accepts, for an error message. */
    public static String listing() {
        return "Demos:\n"
                + LessonCatalogue.builtInDemos().lessons().stream()
                        .map(d -> "  " + d.id() + "  " + d.title())
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse("  (none)")
                + "\nLessons:\n" + LessonCatalogue.builtIn().listing()
                + "\nOr the path of a file in the lesson format (.adoc).";
    }
}
