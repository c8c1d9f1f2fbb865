package dev.streamlab.present;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.streamlab.diagram.GroupView;
import dev.streamlab.diagram.LogView;
import dev.streamlab.diagram.TopicView;
import dev.streamlab.diagram.TopologyView;
import dev.streamlab.diagram.View;
import dev.streamlab.notebook.StreamlabHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The recordings of earlier rehearsals, so that a deck whose lesson did not change is not rehearsed again (a presenter
 * who edits one lesson waits for that one; the build's distribution reuses what the suite's rehearsal recorded). A
 * recording is kept under a key of everything its outputs depend on: the lesson file's bytes, streamlab's own code and
 * resources (every byte of the jar or folder this class came from, so any change to streamlab misses; Kafka's version
 * comes with streamlab's build) and the JDK's feature version. Only a rehearsal in which every cell passed is kept. A cache that cannot be read
 * or written is only slower: nothing fails because of it.
 *
 * <p>The folder is {@code rehearsals/} in streamlab's home ({@code ~/.streamlab}), or the {@value #PROPERTY} system
 * property (the build points the suite and the distribution at one folder).
 */
public final class RehearsalCache {

    public static final String PROPERTY = "streamlab.rehearsal.cache";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static String codeId;

    private final Path folder;
    private final boolean reads;

    private RehearsalCache(Path folder, boolean reads) {
        this.folder = folder;
        this.reads = reads;
    }

    public static RehearsalCache standard() {
        String chosen = System.getProperty(PROPERTY);
        return new RehearsalCache(
                chosen != null && !chosen.isBlank()
                        ? Path.of(chosen)
                        : StreamlabHome.path().resolve("rehearsals"),
                true);
    }

    public static RehearsalCache at(Path folder) {
        return new RehearsalCache(folder, true);
    }

    /** A cache that finds nothing and keeps each new rehearsal in the standard folder ({@code slides --fresh}, the suite). */
    public static RehearsalCache none() {
        return new RehearsalCache(standard().folder, false);
    }

    /** The kept recording of this lesson file as it is now, if there is one. */
    public Optional<Recording> find(Path source) {
        if (!reads) {
            return Optional.empty();
        }
        try {
            Path file = folder.resolve(key(source) + ".json");
            return Files.isRegularFile(file) ? Optional.of(read(JSON.readTree(file.toFile()))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps a recording of this lesson file, when it was rehearsed and every cell passed. */
    public void keep(Path source, Recording recording) {
        if (!recording.rehearsed() || recording.failed() > 0) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(key(source) + ".json");
            Path partial = Files.createTempFile(folder, "partial-", ".json");
            try {
                JSON.writeValue(partial.toFile(), write(recording));
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | RuntimeException e) {
            // Only slower next time.
        }
    }

    String key(Path source) throws IOException {
        MessageDigest digest = sha256();
        digest.update(codeId().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(source));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static ObjectNode write(Recording recording) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode cells = root.putObject("cells");
        new TreeMap<>(recording.cells()).forEach((line, shown) -> {
            ObjectNode cell = cells.putObject(String.valueOf(line));
            cell.put("output", shown.output());
            cell.put("passed", shown.passed());
            cell.put("whyNot", shown.whyNot());
            ArrayNode views = cell.putArray("views");
            for (View view : shown.views()) {
                ObjectNode v = views.addObject();
                v.put("kind", view.getClass().getSimpleName());
                v.set("view", JSON.valueToTree(view));
            }
        });
        return root;
    }

    private static Recording read(JsonNode root) throws IOException {
        Map<Integer, Recording.Shown> cells = new LinkedHashMap<>();
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) root.path("cells")::fields) {
            JsonNode cell = entry.getValue();
            List<View> views = new ArrayList<>();
            for (JsonNode v : cell.path("views")) {
                Class<? extends View> type = switch (v.path("kind").asText()) {
                    case "LogView" -> LogView.class;
                    case "TopicView" -> TopicView.class;
                    case "GroupView" -> GroupView.class;
                    case "QueueView" -> dev.streamlab.diagram.QueueView.class;
                    case "TopologyView" -> TopologyView.class;
                    default ->
                        throw new IOException(
                                "an unknown view: " + v.path("kind").asText());
                };
                views.add(JSON.treeToValue(v.path("view"), type));
            }
            cells.put(
                    Integer.parseInt(entry.getKey()),
                    new Recording.Shown(
                            cell.path("output").asText(""),
                            cell.path("passed").asBoolean(),
                            cell.path("whyNot").isNull()
                                    ? null
                                    : cell.path("whyNot").asText(),
                            views));
        }
        return new Recording(null, cells);
    }

    /** streamlab's code and resources as this JVM has them, the JDK and Kafka: what a rehearsal's outputs come from. */
    private static synchronized String codeId() throws IOException {
        if (codeId == null) {
            MessageDigest digest = sha256();
            digest.update(("java " + Runtime.version().feature() + "\n").getBytes(StandardCharsets.UTF_8));
            Path code;
            try {
                code = Path.of(RehearsalCache.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            // The same bytes whether streamlab runs from its build's classes folder or from its jar: entries by name,
            // without the jar's own META-INF.
            TreeMap<String, byte[]> entries = new TreeMap<>();
            if (Files.isDirectory(code)) {
                try (Stream<Path> files = Files.walk(code)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        String name = code.relativize(file).toString().replace('\\', '/');
                        if (!name.startsWith("META-INF/")) {
                            entries.put(name, Files.readAllBytes(file));
                        }
                    }
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else {
                try (JarFile jar = new JarFile(code.toFile())) {
                    for (var entry : (Iterable<java.util.jar.JarEntry>) jar.stream()::iterator) {
                        if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                entries.put(entry.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
            entries.forEach((name, bytes) -> {
                digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            codeId = HexFormat.of().formatHex(digest.digest());
        }
        return codeId;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256", e);
        }
    }
}
