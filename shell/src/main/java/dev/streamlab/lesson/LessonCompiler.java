package dev.streamlab.lesson;

import dev.streamlab.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs during the build (see {@code shell/pom.xml}): parses every lesson with {@link LessonParser}
 * and writes the catalogue that {@link LessonCatalogue} reads, so learners never wait for JRuby.
 *
 * <p>Arguments: the lessons folder, the catalogue file to write, then folders whose changes also
 * call for a new catalogue (the sources that lessons include code from).
 */
public final class LessonCompiler {

    private LessonCompiler() {}

    public static void main(String[] args) throws IOException {
        Path lessonsDir = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<Path> inputs = new ArrayList<>(List.of(lessonsDir));
        for (int i = 2; i < args.length; i++) {
            inputs.add(Path.of(args[i]));
        }
        if (upToDate(output, inputs)) {
            return;
        }
        try {
            // One broken lesson must not keep the others from opening: it is left out, and its message is kept for
            // `learn` and `check` to show (the author sees it there, not only in a build log).
            List<String> problems = new ArrayList<>();
            List<Lesson> lessons = parseAllThatParse(lessonsDir, problems);
            List<Lesson> demos = parseDemos(lessonsDir);
            Files.createDirectories(output.getParent());
            problems.forEach(problem -> System.err.println("Lesson error: " + problem));
            // The demos first: the lessons' catalogue is what says the whole build is up to date.
            write(output.resolveSibling(LessonCatalogue.DEMOS_FILE), LessonCatalogue.toJson(demos));
            write(output.resolveSibling(LessonCatalogue.PROBLEMS_FILE), LessonCatalogue.problemsToJson(problems));
            write(output, LessonCatalogue.toJson(lessons));
            System.out.println(
                    "Parsed " + lessons.size() + " lessons and " + demos.size() + " demos into " + output.getParent()
                            + (problems.isEmpty() ? "" : "; left out " + problems.size() + " that cannot be read"));
        } catch (LessonFormatException e) {
            System.err.println("Lesson error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Every lesson that parses, in order; the message of each that does not is added to {@code problems}. */
    public static List<Lesson> parseAllThatParse(Path lessonsDir, List<String> problems) throws IOException {
        List<Lesson> lessons = new ArrayList<>();
        try (LessonParser parser = new LessonParser()) {
            for (Path file : lessonFiles(lessonsDir)) {
                try {
                    lessons.add(parser.parse(file, lessonsDir.getFileName() + "/" + file.getFileName()));
                } catch (LessonFormatException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return lessons;
    }

    private static void write(Path file, String json) throws IOException {
        AtomicFiles.write(file, json);
    }

    /**
     * Every demo script ({@code demos/name.adoc}, the lesson format) in the lessons folder, in order. Demos live in
     * a folder of their own, so they are neither lessons of the catalogue nor run by {@code check}.
     */
    public static List<Lesson> parseDemos(Path lessonsDir) throws IOException {
        Path demosDir = lessonsDir.resolve("demos");
        if (!Files.isDirectory(demosDir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(demosDir)) {
            files = list.filter(p -> p.getFileName().toString().matches("[A-Za-z0-9][A-Za-z0-9-]*\\.adoc"))
                    .sorted()
                    .toList();
        }
        List<Lesson> demos = new ArrayList<>();
        try (LessonParser parser = new LessonParser()) {
            for (Path file : files) {
                demos.add(parser.parse(file, lessonsDir.getFileName() + "/demos/" + file.getFileName()));
            }
        }
        return demos;
    }

    /** Every lesson file ({@code NN-name.adoc}) in the folder, in order. */
    public static List<Lesson> parseAll(Path lessonsDir) throws IOException {
        List<Path> files = lessonFiles(lessonsDir);
        List<Lesson> lessons = new ArrayList<>();
        try (LessonParser parser = new LessonParser()) {
            for (Path file : files) {
                lessons.add(parser.parse(file, lessonsDir.getFileName() + "/" + file.getFileName()));
            }
        }
        return lessons;
    }

    private static List<Path> lessonFiles(Path lessonsDir) throws IOException {
        try (Stream<Path> list = Files.list(lessonsDir)) {
            return list.filter(p -> p.getFileName().toString().matches("\\d+-[A-Za-z0-9-]+\\.adoc"))
                    .sorted()
                    .toList();
        }
    }

    private static boolean upToDate(Path output, List<Path> inputs) throws IOException {
        if (!Files.exists(output)) {
            return false;
        }
        long built = Files.getLastModifiedTime(output).toMillis();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(input)) {
                if (files.anyMatch(f -> modifiedAfter(f, built))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean modifiedAfter(Path file, long millis) {
        try {
            return Files.getLastModifiedTime(file).toMillis() > millis;
        } catch (IOException e) {
            return true;
        }
    }
}
