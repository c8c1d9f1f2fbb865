package dev.streamlab.sql;

import dev.streamlab.files.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the SQL engine's jars are: {@code sql-engine/target/} in the project (Maven builds it with the shell), or
 * {@code app/sql/} in an installed distribution. Flink alone is on that class path, nothing of the shell.
 */
public record SqlEngineFiles(Path jar, Path lib) {

    public static final String MAIN_CLASS = "dev.streamlab.sqlengine.SqlEngineMain";
    private static final String JAR = "streamlab-sql-engine.jar";

    public static SqlEngineFiles find() {
        return in(ProjectRoot.find());
    }

    static SqlEngineFiles in(Path root) {
        Path dist = root.resolve("app/sql");
        if (Files.isRegularFile(dist.resolve(JAR))) {
            return new SqlEngineFiles(dist.resolve(JAR), dist.resolve("lib"));
        }
        Path target = root.resolve("sql-engine/target");
        return new SqlEngineFiles(target.resolve(JAR), target.resolve("lib"));
    }

    /** The engine's class path; fails with the way to build it when it is not there. */
    public List<String> classPath() {
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new SqlEngineException(
                    "The SQL engine is not built (" + jar + " is missing). Build it with "
                            + "./mvnw -B -pl sql-engine package -DskipTests, or start streamlab with ./streamlab, which builds it.");
        }
        return List.of(jar.toString(), lib.resolve("*").toString());
    }
}
