package dev.streamlab.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which archive the engine's JVM writes or uses: an AOT cache on JDK 25 and later, a class data archive before. */
class EngineClassSharingTest {

    @TempDir
    Path folder;

    @Test
    void theFirstEngineWritesTheArchiveAndTheNextUsesIt() throws IOException {
        Path jar = Files.writeString(folder.resolve("streamlab-sql-engine.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));

        for (boolean aheadOfTime : new boolean[] {true, false}) {
            EngineClassSharing first = EngineClassSharing.beside(jar, aheadOfTime);
            String flag = aheadOfTime ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
            String written = first.options(jar).stream()
                    .filter(o -> o.startsWith(flag))
                    .findFirst()
                    .orElseThrow()
                    .substring(flag.length());
            Files.writeString(Path.of(written), "archive");
            first.engineEnded(true);

            String use = aheadOfTime ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
            String archive = aheadOfTime ? ".aot" : ".jsa";
            assertThat(EngineClassSharing.beside(jar, aheadOfTime).options(jar))
                    .anyMatch(o -> o.startsWith(use) && o.endsWith(archive));
        }
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(".part"));
        }
    }

    @Test
    void aPartialArchiveOfAnEngineThatDiedIsRemoved() throws IOException {
        Path jar = Files.writeString(folder.resolve("streamlab-sql-engine.jar"), "jar");
        Path leftover = Files.writeString(folder.resolve("sql-engine-25.0.3.jsa.999999999-1.part.aot"), "half");

        EngineClassSharing.beside(jar, true);

        assertThat(leftover).doesNotExist();
    }
}
