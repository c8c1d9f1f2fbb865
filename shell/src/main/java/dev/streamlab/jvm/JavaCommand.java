package dev.streamlab.jvm;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line of a child JVM: which {@code java}, its options, its class path, its main class and arguments.
 * The learner's cells, a lab's checks and the benchmark's probes each start one; this is where they are written.
 */
public final class JavaCommand {

    private final String launcher;
    private final List<String> options = new ArrayList<>();
    private final List<String> classPath = new ArrayList<>();
    private String mainClass;
    private final List<String> arguments = new ArrayList<>();

    private JavaCommand(String launcher) {
        this.launcher = launcher;
    }

    /** The {@code java} of the JDK this JVM runs on. */
    public static JavaCommand ofThisJdk() {
        return using(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** Another {@code java} launcher, such as a newer JDK's. */
    public static JavaCommand using(Path launcher) {
        return new JavaCommand(launcher.toString());
    }

    /** This JVM's own class path: a child of ours runs our classes. */
    public static List<String> ownClassPath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator, -1));
    }

    public JavaCommand option(String option) {
        options.add(Objects.requireNonNull(option));
        return this;
    }

    public JavaCommand options(List<String> more) {
        more.forEach(this::option);
        return this;
    }

    /** A system property of the child: {@code -Dname=value}. */
    public JavaCommand property(String name, Object value) {
        return option("-D" + name + "=" + value);
    }

    /** Entries of the class path, in the order the child searches them. */
    public JavaCommand classPath(List<?> entries) {
        entries.forEach(e -> classPath.add(e.toString()));
        return this;
    }

    public JavaCommand main(String className, String... args) {
        this.mainClass = className;
        arguments.addAll(List.of(args));
        return this;
    }

    public List<String> toList() {
        if (mainClass == null) {
            throw new IllegalStateException("A Java command needs a main class.");
        }
        List<String> command = new ArrayList<>();
        command.add(launcher);
        command.addAll(options);
        if (!classPath.isEmpty()) {
            command.add("-cp");
            command.add(String.join(File.pathSeparator, classPath));
        }
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }
}
