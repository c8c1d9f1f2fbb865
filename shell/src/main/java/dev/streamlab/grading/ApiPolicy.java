package dev.streamlab.grading;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which parts of the Java and Kafka APIs graded code may use: a second wall in front of the process boundary (the
 * learner's code runs in a JVM and a sandbox of its own, with no check, seed or result in it). Code that reflects, loads
 * classes, reads files, starts processes or reaches the JVM's internals is what an attack needs and no lab does, so it
 * is refused before it runs, with its file and line.
 * <p>
 * An allow-list: the packages a lab needs ({@code java.lang}, {@code java.util}, {@code java.time}, in-memory
 * {@code java.io}, Kafka's clients, Streams and Connect APIs, SLF4J), minus the members and classes of them that reach
 * reflection, class loading, files, processes or the JVM's internals. Everything else is refused, so a new JDK package is
 * refused until someone decides it is safe. The learner's own classes are always allowed.
 */
final class ApiPolicy {

    /** Packages (and their subpackages, unless listed in {@link #EXACT_PACKAGES}) graded code may use. */
    private static final List<String> ALLOWED_PACKAGES = List.of(
            "java.lang",
            "java.util",
            "java.time",
            "java.math",
            "java.text",
            "java.nio",
            "java.nio.charset",
            "java.io",
            "org.apache.kafka.clients",
            "org.apache.kafka.common",
            "org.apache.kafka.streams",
            "org.apache.kafka.connect",
            "org.slf4j");

    /** Allowed packages whose subpackages are not allowed with them (java.lang.reflect, java.nio.file...). */
    private static final Set<String> EXACT_PACKAGES = Set.of("java.lang", "java.nio", "java.io");

    /** Subpackages of allowed ones that are refused, with what they are for. */
    private static final Map<String, String> REFUSED_PACKAGES = Map.ofEntries(
            Map.entry("java.util.jar", "files"),
            Map.entry("java.util.zip", "files"),
            Map.entry("java.util.spi", "class loading"),
            Map.entry("java.util.prefs", "files"),
            Map.entry("java.util.logging", "files"),
            Map.entry("org.apache.kafka.common.config.provider", "files"),
            Map.entry("org.apache.kafka.common.security", "Kafka's internals"),
            Map.entry("org.apache.kafka.common.network", "Kafka's internals"),
            Map.entry("org.apache.kafka.common.utils", "Kafka's internals"),
            Map.entry("org.apache.kafka.connect.runtime", "Kafka's internals"),
            Map.entry("org.apache.kafka.connect.util", "Kafka's internals"),
            Map.entry("org.apache.kafka.connect.cli", "Kafka's internals"));

    /** Classes of refused packages that are plain data and allowed anyway. */
    private static final Set<String> ALLOWED_CLASSES =
            Set.of("org.apache.kafka.common.utils.Bytes", "org.apache.kafka.common.utils.Time");

    /** Classes of allowed packages that are refused whole, with what they reach. */
    private static final Map<String, String> REFUSED_CLASSES = Map.ofEntries(
            Map.entry("java.lang.ClassLoader", "class loading"), Map.entry("java.lang.Module", "reflection"),
            Map.entry("java.lang.ModuleLayer", "reflection"), Map.entry("java.lang.Package", "reflection"),
            Map.entry("java.lang.Process", "processes"), Map.entry("java.lang.ProcessBuilder", "processes"),
            Map.entry("java.lang.ProcessHandle", "processes"),
                    Map.entry("java.lang.StackWalker", "the JVM's internals"),
            Map.entry("java.lang.SecurityManager", "the JVM's internals"),
                    Map.entry("java.lang.ThreadGroup", "the JVM's internals"),
            Map.entry("java.lang.Compiler", "the JVM's internals"), Map.entry("java.lang.ClassValue", "reflection"),
            Map.entry("java.util.ServiceLoader", "class loading"),
                    Map.entry("java.util.ResourceBundle", "class loading"),
            Map.entry("java.io.File", "files"), Map.entry("java.io.FileDescriptor", "files"),
            Map.entry("java.io.FileInputStream", "files"), Map.entry("java.io.FileOutputStream", "files"),
            Map.entry("java.io.FileReader", "files"), Map.entry("java.io.FileWriter", "files"),
            Map.entry("java.io.RandomAccessFile", "files"), Map.entry("java.io.Console", "the terminal"),
            Map.entry("java.io.ObjectInputStream", "deserialization"), Map.entry("java.io.FilePermission", "files"),
            Map.entry("java.io.FileFilter", "files"), Map.entry("java.io.FilenameFilter", "files"));

    /** Members refused in classes otherwise allowed: class name, then method names. */
    private static final Map<String, Set<String>> REFUSED_MEMBERS = Map.of(
            "java.lang.Class",
                    Set.of(
                            "forName",
                            "getDeclaredField",
                            "getDeclaredFields",
                            "getDeclaredMethod",
                            "getDeclaredMethods",
                            "getDeclaredConstructor",
                            "getDeclaredConstructors",
                            "getDeclaredClasses",
                            "getField",
                            "getFields",
                            "getMethod",
                            "getMethods",
                            "getConstructor",
                            "getConstructors",
                            "getClasses",
                            "getClassLoader",
                            "getModule",
                            "getPackage",
                            "getResource",
                            "getResourceAsStream",
                            "getProtectionDomain",
                            "newInstance",
                            "getRecordComponents",
                            "getEnclosingMethod",
                            "getEnclosingConstructor",
                            "getNestHost",
                            "getNestMembers",
                            "getSigners",
                            "getPermittedSubclasses"),
            "java.lang.System",
                    Set.of(
                            "exit",
                            "load",
                            "loadLibrary",
                            "mapLibraryName",
                            "setIn",
                            "setOut",
                            "setErr",
                            "setProperty",
                            "setProperties",
                            "clearProperty",
                            "getProperties",
                            "getenv",
                            "setSecurityManager",
                            "getSecurityManager",
                            "console",
                            "inheritedChannel"),
            "java.lang.Runtime", Set.of("exit", "halt", "exec", "load", "loadLibrary"),
            "java.lang.Thread",
                    Set.of(
                            "getContextClassLoader",
                            "setContextClassLoader",
                            "getAllStackTraces",
                            "getThreadGroup",
                            "stop",
                            "suspend",
                            "resume",
                            "setDefaultUncaughtExceptionHandler"));

    /** Constructors refused because their first parameter names a file: class name, then those parameter types. */
    private static final Map<String, Set<String>> FILE_CONSTRUCTORS = Map.of(
            "java.io.PrintStream", Set.of("java.lang.String", "java.io.File"),
            "java.io.PrintWriter", Set.of("java.lang.String", "java.io.File"),
            "java.util.Formatter", Set.of("java.lang.String", "java.io.File"),
            "java.util.Scanner", Set.of("java.io.File", "java.nio.file.Path"));

    private ApiPolicy() {}

    /**
     * Why graded code may not use this class (a nested class is judged by its top-level class), or empty if it may.
     *
     * @param topLevelClass the qualified name of the top-level class, such as {@code java.lang.reflect.Field}
     */
    static Optional<String> refusedClass(String topLevelClass) {
        if (ALLOWED_CLASSES.contains(topLevelClass)) {
            return Optional.empty();
        }
        String reach = REFUSED_CLASSES.get(topLevelClass);
        if (reach != null) {
            return Optional.of(reach);
        }
        String pkg = packageOf(topLevelClass);
        for (Map.Entry<String, String> refused : REFUSED_PACKAGES.entrySet()) {
            if (within(pkg, refused.getKey())) {
                return Optional.of(refused.getValue());
            }
        }
        if (pkg.endsWith(".internals") || pkg.contains(".internals.")) {
            return Optional.of("Kafka's internals");
        }
        String simpleName = topLevelClass.substring(topLevelClass.lastIndexOf('.') + 1);
        if (pkg.startsWith("org.apache.kafka.")
                && (simpleName.startsWith("File") || simpleName.startsWith("Directory"))) {
            return Optional.of("files");
        }
        for (String allowed : ALLOWED_PACKAGES) {
            if (EXACT_PACKAGES.contains(allowed) ? pkg.equals(allowed) : within(pkg, allowed)) {
                return Optional.empty();
            }
        }
        return Optional.of(reachOfPackage(pkg));
    }

    /** Why graded code may not call this method (of an allowed class), or empty if it may. */
    static Optional<String> refusedMethod(String topLevelClass, String method) {
        Set<String> refused = REFUSED_MEMBERS.get(topLevelClass);
        if (refused != null && refused.contains(method)) {
            return Optional.of(
                    switch (topLevelClass) {
                        case "java.lang.Class" ->
                            method.contains("Resource") || method.equals("getClassLoader")
                                    ? "class loading"
                                    : "reflection";
                        case "java.lang.System", "java.lang.Runtime" ->
                            method.contains("oad")
                                    ? "native code"
                                    : method.equals("exec")
                                            ? "processes"
                                            : method.equals("getenv")
                                                    ? "the environment"
                                                    : method.contains("Propert")
                                                            ? "system properties"
                                                            : "the JVM's internals";
                        default -> "the JVM's internals";
                    });
        }
        return Optional.empty();
    }

    /** Why graded code may not call this constructor, given its first parameter's type, or empty if it may. */
    static Optional<String> refusedConstructor(String topLevelClass, String firstParameterType) {
        Set<String> fileTypes = FILE_CONSTRUCTORS.get(topLevelClass);
        return fileTypes != null && fileTypes.contains(firstParameterType) ? Optional.of("files") : Optional.empty();
    }

    /** What to do instead of using something refused for this reach (as {@link #refusedClass} and the others say it). */
    static String instead(String reach) {
        return switch (reach) {
            case "reflection" -> "call the methods of your own classes directly";
            case "class loading" -> "use your classes and the lab's API directly, by name";
            case "files" -> "keep data in memory (a String, a collection, a StringWriter or a ByteArrayOutputStream)";
            case "processes" -> "do the work in Java, in your own code";
            case "the network" ->
                "reach Kafka only through its clients, with the configuration the checks give your code";
            case "the environment", "system properties" ->
                "take settings from the configuration or the parameters the checks" + " give your code";
            case "native code" -> "write it in Java";
            case "deserialization" -> "build objects in your own code, or use Kafka's serializers";
            case "the terminal" -> "return values (or print with System.out)";
            case "Kafka's internals" -> "use Kafka's public API: its clients, Streams and Connect";
            case "the grader and its checks" -> "use only your own classes, the starter's and Kafka's";
            case "a library no lab needs" -> "use java.util, java.time and Kafka's API";
            default -> "return a value or throw an exception, and leave the JVM as it is";
        };
    }

    private static String reachOfPackage(String pkg) {
        if (within(pkg, "java.lang.reflect")
                || within(pkg, "java.lang.invoke")
                || within(pkg, "java.lang.constant")
                || within(pkg, "java.lang.runtime")
                || within(pkg, "java.lang.classfile")) {
            return "reflection";
        }
        if (within(pkg, "java.nio.file") || within(pkg, "java.nio.channels")) {
            return "files";
        }
        if (within(pkg, "java.net") || within(pkg, "javax.net") || within(pkg, "java.rmi")) {
            return "the network";
        }
        if (within(pkg, "java.lang.management")
                || within(pkg, "com.sun.management")
                || within(pkg, "java.lang.instrument")
                || within(pkg, "java.lang.foreign")
                || within(pkg, "java.lang.ref")
                || within(pkg, "jdk")
                || within(pkg, "sun")
                || within(pkg, "com.sun")
                || within(pkg, "java.security")
                || within(pkg, "javax.management")) {
            return "the JVM's internals";
        }
        if (within(pkg, "dev.streamlab") || within(pkg, "org.junit") || within(pkg, "org.opentest4j")) {
            return "the grader and its checks";
        }
        return "a library no lab needs";
    }

    private static boolean within(String pkg, String parent) {
        return pkg.equals(parent) || pkg.startsWith(parent + ".");
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
