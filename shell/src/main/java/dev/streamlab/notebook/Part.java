package dev.streamlab.notebook;

import java.util.List;
import java.util.Optional;

/**
 * One piece of what a cell gave, in the order it came, whole: a front end decides how wide, how coloured and how
 * cut it shows it. {@link #plain()} is the piece as plain text, uncut, as a transcript keeps it.
 */
public sealed interface Part {

    /** The piece as plain text, ending with a line break when it is a whole line. */
    String plain();

    /** What the code printed (its own output, its threads' logs), or what a command or query wrote, as it came. */
    record Text(String text) implements Part {
        @Override
        public String plain() {
            return text;
        }
    }

    /** A value the cell showed, whole: {@code name ==> text}. */
    record Value(String name, String type, String text) implements Part {
        @Override
        public String plain() {
            return name + " ==> " + text + "\n";
        }
    }

    /** What the shell says about the code: a declaration made, a compile error, "Stopped.". One or more lines. */
    record Feedback(String text) implements Part {
        @Override
        public String plain() {
            return text.endsWith("\n") ? text : text + "\n";
        }
    }

    /**
     * The exception the code threw, with its causes, outermost first.
     *
     * @param trace where it was thrown, one frame a line ({@code your code, line 2} for the learner's own code)
     */
    record Failure(List<Thrown> chain, List<String> trace) implements Part {

        public Failure {
            chain = List.copyOf(chain);
            trace = List.copyOf(trace);
        }

        /** The outermost exception. */
        public Thrown thrown() {
            return chain.get(0);
        }

        /** The first exception of the chain that is a {@code kind}, looking through causes. */
        public Optional<Thrown> find(Class<? extends Throwable> kind) {
            return chain.stream().filter(t -> t.is(kind)).findFirst();
        }

        @Override
        public String plain() {
            StringBuilder text = new StringBuilder(thrown().type());
            if (thrown().message() != null) {
                text.append(": ").append(thrown().message());
            }
            text.append('\n');
            trace.forEach(frame -> text.append("\tat ").append(frame).append('\n'));
            return text.toString();
        }
    }

    /**
     * One exception of a chain, by its class's name: it was thrown in another JVM, so only its name and message
     * crossed over.
     */
    record Thrown(String type, String message) {

        /**
         * The name without its package: {@code TopicAuthorizationException}; for a class the learner declared, the
         * name they gave it, without JShell's wrapper ({@code REPL.$JShell$11$Oops} is {@code Oops}).
         */
        public String simpleName() {
            return type.startsWith("REPL.$JShell$")
                    ? type.substring(type.lastIndexOf('$') + 1)
                    : type.substring(type.lastIndexOf('.') + 1);
        }

        /**
         * Whether it is a {@code kind} or a subclass of it. The shell has the JDK's and Kafka's classes too, so their
         * hierarchy is known here; a class the learner declared is only ever its own name.
         */
        public boolean is(Class<? extends Throwable> kind) {
            if (kind.getName().equals(type)) {
                return true;
            }
            return type(kind.getClassLoader()).map(kind::isAssignableFrom).orElse(false);
        }

        /** The class, if the shell has it; loaded without running any of its code. */
        public Optional<Class<?>> type(ClassLoader loader) {
            try {
                return Optional.of(Class.forName(type, false, loader == null ? Part.class.getClassLoader() : loader));
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        }
    }
}
