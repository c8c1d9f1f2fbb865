package dev.streamlab.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Class data sharing for the engine's JVM: Flink loads some 15,000 classes before a session answers, and a JVM that maps
 * them from an archive starts in about half the time. The first engine writes the archive as it exits (JDK 13+'s
 * {@code -XX:ArchiveClassesAtExit}) beside the engine's jar; later ones use it. The archive is per JDK version and
 * is made again when the engine is rebuilt; a JVM that cannot use it runs as if it were not there. Where the engine's
 * folder cannot be written (an installed kit), there is no archive.
 *
 * <p>On JDK 25 and later the archive is an ahead-of-time cache instead (JEP 483 and 514, {@code -XX:AOTCacheOutput} and
 * {@code -XX:AOTCache}): classes come loaded and linked, and the methods' profiles the first engine gathered come with
 * them, so the engine starts faster again. The training run is the first engine's real work (a lesson's statements).
 */
final class EngineClassSharing {

    private final Path archive;
    private final Path writing;
    private final boolean aheadOfTime;

    private EngineClassSharing(Path archive, Path writing, boolean aheadOfTime) {
        this.archive = archive;
        this.writing = writing;
        this.aheadOfTime = aheadOfTime;
    }

    static EngineClassSharing beside(Path engineJar) {
        return beside(engineJar, Runtime.version().feature() >= 25);
    }

    static EngineClassSharing beside(Path engineJar, boolean aheadOfTime) {
        removeLeftovers(engineJar.getParent());
        String jdk = System.getProperty("java.version").replaceAll("[^0-9A-Za-z.]", "_");
        // The AOT cache's file must end in .aot; the .part name keeps the .jsa form so one clean-up finds both.
        String suffix = aheadOfTime ? ".aot" : ".jsa";
        Path archive = engineJar.resolveSibling("sql-engine-" + jdk + suffix);
        Path writing = engineJar.resolveSibling("sql-engine-" + jdk + ".jsa."
                + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".part" + suffix);
        return new EngineClassSharing(archive, writing, aheadOfTime);
    }

    /** Archives that an engine of a shell that ended (quit during the start, killed) began and never finished. */
    private static void removeLeftovers(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.newDirectoryStream(folder, "sql-engine-*.jsa.*.part*")) {
            for (Path part : files) {
                String name = part.getFileName().toString();
                String owner = name.substring(name.indexOf(".jsa.") + 5, name.indexOf('-', name.indexOf(".jsa.") + 5));
                boolean alive = owner.matches("\\d+")
                        && ProcessHandle.of(Long.parseLong(owner))
                                .map(ProcessHandle::isAlive)
                                .orElse(false);
                if (!alive) {
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a leftover stays until next time
        }
    }

    /** The JVM options: use the archive if it is newer than the jar, else write one if the folder allows. */
    List<String> options(Path engineJar) {
        if ("off".equals(System.getenv("STREAMLAB_CDS"))) {
            return List.of();
        }
        try {
            boolean fresh = Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(engineJar)) > 0;
            if (aheadOfTime && fresh) {
                return List.of("-XX:AOTCache=" + archive, "-Xlog:aot=off", "-Xlog:cds=off");
            }
            if (aheadOfTime && Files.isWritable(archive.getParent())) {
                return List.of("-XX:AOTCacheOutput=" + writing, "-Xlog:aot=off", "-Xlog:cds=off");
            }
            if (fresh) {
                return List.of(
                        "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
            if (Files.isWritable(archive.getParent())) {
                return List.of("-XX:ArchiveClassesAtExit=" + writing, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
        } catch (IOException e) {
            // no archive this time
        }
        return List.of();
    }

    /** After the engine ended: keeps an archive it wrote in full (it exited by itself), else deletes what it left. */
    void engineEnded(boolean exitedNormally) {
        try {
            if (exitedNormally && Files.isRegularFile(writing) && Files.size(writing) > 0) {
                Files.move(writing, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // another engine kept its archive first; ours is not needed
        } finally {
            try {
                Files.deleteIfExists(writing);
            } catch (IOException e) {
                // a stray .part file is harmless and is overwritten by nobody
            }
        }
    }
}
