package dev.streamlab.image;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The jars the local image runs Kafka from: streamlab's own runtime classpath (Kafka 4.4.0 and its dependencies,
 * fetched from Maven Central by the build), without what only streamlab itself needs.
 */
final class KafkaJars {

    /** Jar name prefixes that stay out of the image: streamlab's own tools, and Streams' 60 MB of RocksDB. */
    private static final List<String> LEFT_OUT = List.of(
            "streamlab",
            "testcontainers",
            "docker-java",
            "jna",
            "duct-tape",
            "picocli",
            "jline",
            "rocksdbjni",
            "kafka-streams",
            "junit",
            "opentest4j",
            "apiguardian",
            "assertj",
            "awaitility",
            "hamcrest",
            "byte-buddy",
            "asciidoctorj",
            "jruby");

    private KafkaJars() {}

    /** Every jar on this JVM's classpath, following a launcher jar's {@code Class-Path} to {@code lib/}. */
    static List<Path> onClasspath() {
        Set<Path> jars = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                jars.add(path);
                jars.addAll(manifestClassPath(path));
            }
        }
        return List.copyOf(jars);
    }

    static List<Path> forImage() {
        List<Path> jars =
                onClasspath().stream().filter(KafkaJars::belongsInImage).toList();
        if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"))) {
            throw new IllegalStateException("Kafka's jars are not on streamlab's classpath; build streamlab with"
                    + " './mvnw -pl shell -am package' and run it through ./streamlab.");
        }
        return jars;
    }

    static boolean belongsInImage(Path jar) {
        String name = jar.getFileName().toString();
        return LEFT_OUT.stream().noneMatch(name::startsWith);
    }

    private static List<Path> manifestClassPath(Path jar) {
        List<Path> entries = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath != null) {
                for (String relative : classPath.trim().split("\\s+")) {
                    Path path = jar.getParent().resolve(relative).normalize();
                    if (Files.isRegularFile(path)) {
                        entries.add(path);
                    }
                }
            }
        } catch (IOException e) {
            // Not a readable jar: nothing to follow.
        }
        return entries;
    }
}
