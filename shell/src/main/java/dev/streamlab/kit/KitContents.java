package dev.streamlab.kit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a kit holds, as its {@code kit.properties} says: streamlab's version, the distribution's archives by name, and the
 * saved Kafka image (its name and file) when there is one. Every file it names is also in {@code CHECKSUMS}.
 */
public record KitContents(
        String version,
        String tarGz,
        Optional<String> zip,
        Optional<String> linuxX64,
        Optional<String> image,
        Optional<String> imageFile) {

    public static final String FILE = "kit.properties";

    /** The version of this streamlab (its build's), as the distribution's file names carry it. */
    public static String thisVersion() {
        Properties versions = new Properties();
        try (var in = KitContents.class.getResourceAsStream("/streamlab-version.properties")) {
            versions.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("streamlab-version.properties is missing from the build", e);
        }
        return versions.getProperty("streamlab.version");
    }

    public void write(Path dir) {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("dist.tar.gz", tarGz);
        zip.ifPresent(z -> p.setProperty("dist.zip", z));
        linuxX64.ifPresent(l -> p.setProperty("dist.linux-x64", l));
        image.ifPresent(i -> p.setProperty("image", i));
        imageFile.ifPresent(f -> p.setProperty("image.file", f));
        try (Writer out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(
                    out,
                    "A streamlab kit: install it with 'sh install.sh' (or install.cmd), or 'streamlab kit install DIR'");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code DIR/kit.properties} (after its checksum held). */
    public static KitContents read(Path dir) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new KitException(
                    dir.resolve(FILE) + " cannot be read (" + e.getMessage() + "): copy the kit folder again.", e);
        }
        String version = p.getProperty("version");
        String tarGz = p.getProperty("dist.tar.gz");
        if (version == null || tarGz == null) {
            throw new KitException(dir.resolve(FILE)
                    + " does not name the distribution: make the kit again with 'streamlab kit make DIR'.");
        }
        return new KitContents(
                version,
                tarGz,
                Optional.ofNullable(p.getProperty("dist.zip")),
                Optional.ofNullable(p.getProperty("dist.linux-x64")),
                Optional.ofNullable(p.getProperty("image")),
                Optional.ofNullable(p.getProperty("image.file")));
    }
}
