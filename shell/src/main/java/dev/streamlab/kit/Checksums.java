package dev.streamlab.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kit's {@code CHECKSUMS} file: one {@code SHA-256  NAME} line per file, the format of {@code sha256sum}, so an
 * instructor can also check a copy with {@code sha256sum -c CHECKSUMS} (or {@code Get-FileHash} on Windows).
 */
public final class Checksums {

    public static final String FILE = "CHECKSUMS";

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) [ *]([A-Za-z0-9][A-Za-z0-9._-]*)");

    private Checksums() {}

    /** The SHA-256 of a file, in lower-case hex. */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // reading is digesting
            }
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no SHA-256", e);
        }
    }

    /** Writes {@code DIR/CHECKSUMS} for the named files of {@code dir}, in the order given. */
    public static void write(Path dir, List<String> names) {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(sha256(dir.resolve(name))).append("  ").append(name).append('\n');
        }
        try {
            Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code DIR/CHECKSUMS}: file name to SHA-256, in order; a {@link KitException} when it is missing or damaged. */
    public static Map<String, String> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new KitException(file + " is missing, so this is not a complete kit: copy the whole kit folder again"
                    + " (it is made by 'streamlab kit make DIR').");
        }
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KitException("Cannot read " + file + " (" + e.getMessage() + "): copy the kit folder again.", e);
        }
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                throw new KitException(
                        file + " is damaged (line " + number + " is not 'SHA-256  NAME'): copy the kit folder again.");
            }
            expected.put(m.group(2), m.group(1));
        }
        if (expected.isEmpty()) {
            throw new KitException(file + " names no files: copy the kit folder again.");
        }
        return expected;
    }

    /** Checks every file of {@code DIR/CHECKSUMS}; the names in order, or a {@link KitException} naming the first bad one. */
    public static List<String> verify(Path dir) {
        Map<String, String> expected = read(dir);
        verify(dir, expected, List.copyOf(expected.keySet()));
        return List.copyOf(expected.keySet());
    }

    /**
     * Checks the named files against {@code expected} (as {@link #read} returned it): a name it does not cover, a
     * missing file or different bytes is a {@link KitException} naming the file.
     */
    public static void verify(Path dir, Map<String, String> expected, List<String> names) {
        for (String name : names) {
            String sha = expected(dir, expected, name);
            if (!sha256(dir.resolve(name)).equals(sha)) {
                throw damaged(name);
            }
        }
    }

    /**
     * The SHA-256 {@code expected} gives the named file, which must exist; a name it does not cover or a missing file is
     * a {@link KitException} naming the file.
     */
    public static String expected(Path dir, Map<String, String> expected, String name) {
        String sha = expected.get(name);
        if (sha == null) {
            throw new KitException(dir.resolve(FILE) + " does not cover " + name
                    + ": make the kit again with 'streamlab kit make DIR'.");
        }
        if (!Files.isRegularFile(dir.resolve(name))) {
            throw new KitException(
                    "The kit's file " + name + " is missing from " + dir + ": copy the whole kit folder again.");
        }
        return sha;
    }

    static KitException damaged(String name) {
        return new KitException("The kit's file " + name + " is damaged (its SHA-256 differs from " + FILE
                + "): copy it from the kit again.");
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no SHA-256", e);
        }
    }
}
