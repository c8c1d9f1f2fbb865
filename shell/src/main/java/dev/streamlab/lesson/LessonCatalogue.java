package dev.streamlab.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lessons that ship with streamlab, parsed at build time ({@link LessonCompiler}) and loaded
 * from the jar in milliseconds. A learner names a lesson by number ({@code 00}), short name
 * ({@code welcome}) or id ({@code 00-welcome}).
 */
public final class LessonCatalogue {

    public static final String RESOURCE = "/lessons/catalogue.json";
    /** Beside the lessons' catalogue: the demo scripts of {@code lessons/demos/}, for {@code streamlab demo}. */
    public static final String DEMOS_FILE = "demos.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Beside the lessons' catalogue: why each lesson left out of it could not be read. */
    public static final String PROBLEMS_FILE = "problems.json";

    private final List<Lesson> lessons;
    private final List<String> problems;

    public LessonCatalogue(List<Lesson> lessons) {
        this(lessons, List.of());
    }

    public LessonCatalogue(List<Lesson> lessons, List<String> problems) {
        this.lessons = List.copyOf(lessons);
        this.problems = List.copyOf(problems);
    }

    /** The catalogue built into streamlab, with the problems of the lessons left out of it. */
    public static LessonCatalogue builtIn() {
        LessonCatalogue lessons = load(RESOURCE);
        try (InputStream in =
                LessonCatalogue.class.getResourceAsStream(RESOURCE.replace("catalogue.json", PROBLEMS_FILE))) {
            return in == null
                    ? lessons
                    : new LessonCatalogue(lessons.lessons(), List.of(JSON.readValue(in, String[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException("The built-in lessons' problems cannot be read: " + e.getMessage(), e);
        }
    }

    /** Why each lesson that was left out could not be read ({@code file:line: what, and how to write it}). */
    public List<String> problems() {
        return problems;
    }

    /** The demo scripts built into streamlab ({@code lessons/demos/*.adoc}): not lessons, so not in {@link #builtIn()}. */
    public static LessonCatalogue builtInDemos() {
        return load(RESOURCE.replace("catalogue.json", DEMOS_FILE));
    }

    private static LessonCatalogue load(String resource) {
        try (InputStream in = LessonCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The lessons were not built into streamlab (" + resource
                        + " is missing). Build again with ./mvnw -pl shell package.");
            }
            return new LessonCatalogue(List.of(JSON.readValue(in, Lesson[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException("The built-in lessons cannot be read: " + e.getMessage(), e);
        }
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    public Optional<Lesson> find(String name) {
        return lessons.stream().filter(l -> l.answersTo(name)).findFirst();
    }

    /** The lesson after {@code lesson}, if there is one. */
    public Optional<Lesson> after(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i >= 0 && i + 1 < lessons.size() ? Optional.of(lessons.get(i + 1)) : Optional.empty();
    }

    /** A list of the lessons, one a line, for messages such as "there is no lesson 42". */
    public String listing() {
        return lessons.stream()
                .map(l -> "  " + l.number() + "  " + l.shortName() + "  " + l.title())
                .collect(Collectors.joining("\n"));
    }

    static String problemsToJson(List<String> problems) throws JsonProcessingException {
        return JSON.writeValueAsString(problems);
    }

    static String toJson(List<Lesson> lessons) throws JsonProcessingException {
        return JSON.writeValueAsString(lessons);
    }
}
