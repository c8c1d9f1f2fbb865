package dev.streamlab.sqlengine;

import java.util.Optional;
import java.util.Set;
import org.apache.flink.table.catalog.CatalogFunction;
import org.apache.flink.table.catalog.FunctionLanguage;
import org.apache.flink.table.operations.CompileAndExecutePlanOperation;
import org.apache.flink.table.operations.LoadModuleOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.UnloadModuleOperation;
import org.apache.flink.table.operations.UseModulesOperation;
import org.apache.flink.table.operations.command.AddJarOperation;
import org.apache.flink.table.operations.command.ExecutePlanOperation;
import org.apache.flink.table.operations.command.RemoveJarOperation;
import org.apache.flink.table.operations.command.SetOperation;
import org.apache.flink.table.operations.ddl.AlterCatalogFunctionOperation;
import org.apache.flink.table.operations.ddl.CompilePlanOperation;
import org.apache.flink.table.operations.ddl.CreateCatalogFunctionOperation;
import org.apache.flink.table.operations.ddl.CreateCatalogOperation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;
import org.apache.flink.table.operations.ddl.CreateTempSystemFunctionOperation;

/**
 * Statements the engine does not run, read from Flink's parsed operation (not from the text): those that load code
 * from outside the engine's class path, read or write files, or take away the door tables go through
 * ({@link LessonConnectors}). The lessons need none of them. This keeps a session to what the course teaches; it is not
 * what keeps others out (the engine's ports take only the learner's certificate, and runs as the learner).
 */
final class Refusals {

    /** Settings that would add code to a job or point the session at files; the lessons set none of them. */
    private static final Set<String> SETTINGS =
            Set.of("pipeline.jars", "pipeline.classpaths", "pipeline.cached-files", "table.resources.download-dir");

    private static final Set<String> SETTING_PREFIXES = Set.of("python.", "security.", "rest.");

    private Refusals() {}

    static Optional<String> of(Operation operation, ClassLoader engine) {
        if (operation instanceof AddJarOperation || operation instanceof RemoveJarOperation) {
            return Optional.of(
                    "ADD JAR and REMOVE JAR are not run here: the engine runs Flink's own functions and connectors only.");
        }
        if (operation instanceof CreateTempSystemFunctionOperation create) {
            return function(create.getCatalogFunction(), engine);
        }
        if (operation instanceof CreateCatalogFunctionOperation create) {
            return function(create.getCatalogFunction(), engine);
        }
        if (operation instanceof AlterCatalogFunctionOperation alter) {
            return function(alter.getCatalogFunction(), engine);
        }
        if (operation instanceof CompilePlanOperation
                || operation instanceof ExecutePlanOperation
                || operation instanceof CompileAndExecutePlanOperation) {
            return Optional.of(
                    "COMPILE PLAN and EXECUTE PLAN are not run here: they read and write files. Run the statement itself.");
        }
        if (operation instanceof LoadModuleOperation
                || operation instanceof UnloadModuleOperation
                || operation instanceof UseModulesOperation) {
            return Optional.of("Modules are not changed here: the session keeps Flink's core functions.");
        }
        if (operation instanceof CreateCatalogOperation create
                && !"generic_in_memory".equals(create.getProperties().get("type"))) {
            return Optional.of(
                    "Only in-memory catalogs are made here: CREATE CATALOG name WITH ('type' = 'generic_in_memory').");
        }
        if (operation instanceof CreateTableOperation create) {
            return LessonConnectors.refusal(create.getCatalogTable().getOptions());
        }
        if (operation instanceof SetOperation set && set.getKey().isPresent()) {
            String key = set.getKey().get().strip();
            if (SETTINGS.contains(key) || SETTING_PREFIXES.stream().anyMatch(key::startsWith)) {
                return Optional.of(
                        "The setting '" + key + "' is not changed here: it would add code or files to the session.");
            }
        }
        return Optional.empty();
    }

    /** A function whose class the engine has already: no jar, no Python, no class from elsewhere. */
    private static Optional<String> function(CatalogFunction function, ClassLoader engine) {
        if (!function.getFunctionResources().isEmpty()) {
            return Optional.of(
                    "CREATE FUNCTION ... USING JAR is not run here: a function's class must be one the engine has already.");
        }
        if (function.getFunctionLanguage() == FunctionLanguage.PYTHON) {
            return Optional.of(
                    "Python functions are not run here: a function's class must be a Java class the engine has already.");
        }
        try {
            Class.forName(function.getClassName(), false, engine);
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("There is no class " + function.getClassName()
                    + " in the engine: a function's class must be one it has already.");
        }
    }
}
