package dev.streamlab.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    private LessonCompiler() {
    }

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
            List<Lesson> lessons = parseAll(lessonsDir);
            List<Lesson> demos = parseDemos(lessonsDir);
            Files.createDirectories(output.getParent());
            // The demos first: the lessons' catalogue is what says the whole build is up to date.
            write(output.resolveSibling(LessonCatalogue.DEMOS_FILE), LessonCatalogue.toJson(demos));
            write(output, LessonCatalogue.toJson(lessons));
            System.out.println("Parsed " + lessons.size() + " lessons and " + demos.size() + " demos into " + output.getParent());
        } catch (LessonFormatException e) {
            System.err.println("Lesson error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void write(Path file, String json) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, json);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
            files = list.filter(p -> p.getFileName().toString().matches("[A-Za-z0-9][A-Za-z0-9-]*\\.adoc")).sorted().toList();
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
        List<Path> files;
        try (Stream<Path> list = Files.list(lessonsDir)) {
            files = list.filter(p -> p.getFileName().toString().matches("\\d+-[A-Za-z0-9-]+\\.adoc")).sorted().toList();
        }
        List<Lesson> lessons = new ArrayList<>();
        try (LessonParser parser = new LessonParser()) {
            for (Path file : files) {
                lessons.add(parser.parse(file, lessonsDir.getFileName() + "/" + file.getFileName()));
            }
        }
        return lessons;
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
