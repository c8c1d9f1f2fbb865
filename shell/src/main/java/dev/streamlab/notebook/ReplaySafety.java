package dev.streamlab.notebook;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.net.URI;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Decides whether a variable's declaration may run a second time, when the learner's Java process is rebuilt
 * after a restart: only if running it cannot repeat something the learner saw happen (a record sent, a topic
 * created, a poll that moves a consumer's position). Constructors and a few well-known factories pass;
 * any other method call does not. The code is parsed, not compiled: names are not resolved.
 */
final class ReplaySafety {

    /** streamlab's helpers that only make a client or look something up. */
    private static final Set<String> FACTORY_HELPERS =
            Set.of("producer", "consumer", "shareConsumer", "admin", "demoData", "bootstrapServers", "clientConfig");
    /** Static methods of the JDK's value classes (called as {@code Type.name(...)}) that only build a value. */
    private static final Set<String> VALUE_FACTORIES = Set.of(
            "of",
            "copyOf",
            "ofEntries",
            "entry",
            "asList",
            "valueOf",
            "format",
            "join",
            "parse",
            "ofSeconds",
            "ofMillis",
            "ofMinutes",
            "ofHours",
            "ofDays",
            "ofNanos",
            "ofEpochMilli",
            "ofEpochSecond",
            "get",
            "nCopies",
            "emptyList",
            "emptyMap",
            "emptySet",
            "range",
            "rangeClosed",
            "compile",
            "toString",
            "max",
            "min",
            "abs",
            "randomUUID",
            "nameUUIDFromBytes");
    /** What a String literal may be asked: {@code "a-b".split("-")}. */
    private static final Set<String> STRING_METHODS = Set.of(
            "repeat",
            "toUpperCase",
            "toLowerCase",
            "strip",
            "trim",
            "length",
            "formatted",
            "split",
            "substring",
            "replace",
            "chars",
            "lines",
            "concat");

    private ReplaySafety() {}

    /** Whether the statement (a variable declaration, as the learner wrote it) calls only what is safe to call again. */
    static boolean isSafeToRunAgain(String declaration) {
        return isSafeToRunAgain(declaration, Set.of());
    }

    /** @param sessionTypes the classes the learner declared: their constructors run the learner's code, so they count as calls */
    static boolean isSafeToRunAgain(String declaration, Set<String> sessionTypes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            return false;
        }
        String source = "class Replay { void replay() {\n" + declaration + "\n} }";
        JavaFileObject file =
                new SimpleJavaFileObject(URI.create("string:///Replay.java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        try {
            boolean[] unparsable = {false};
            JavacTask task = (JavacTask) compiler.getTask(
                    null,
                    null,
                    diagnostic -> unparsable[0] |= diagnostic.getKind() == javax.tools.Diagnostic.Kind.ERROR,
                    List.of("-proc:none"),
                    null,
                    List.of(file));
            Iterable<? extends CompilationUnitTree> units = task.parse();
            if (unparsable[0]) {
                return false;
            }
            Scanner scanner = new Scanner(sessionTypes);
            for (CompilationUnitTree unit : units) {
                unit.accept(scanner, null);
            }
            return scanner.safe;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static final class Scanner extends TreeScanner<Void, Void> {
        private final Set<String> sessionTypes;
        private boolean safe = true;
        private int depth;

        Scanner(Set<String> sessionTypes) {
            this.sessionTypes = sessionTypes;
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            if (depth++ == 0) {
                return super.visitClass(node, unused); // the wrapper around the declaration
            }
            // An anonymous class: its methods run only when called, but its initialisers run at `new`.
            for (com.sun.source.tree.Tree member : node.getMembers()) {
                if (member instanceof com.sun.source.tree.BlockTree
                        || member instanceof com.sun.source.tree.VariableTree) {
                    member.accept(this, unused);
                }
            }
            return null;
        }

        @Override
        public Void visitNewClass(com.sun.source.tree.NewClassTree node, Void unused) {
            String type = node.getIdentifier().toString().replaceAll("<.*", "");
            if (sessionTypes.contains(type.substring(type.lastIndexOf('.') + 1))) {
                safe = false;
            }
            return super.visitNewClass(node, unused);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            return null; // runs only when it is called
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            if (!allowed(node.getMethodSelect())) {
                safe = false;
            }
            return super.visitMethodInvocation(node, unused);
        }

        private static boolean allowed(ExpressionTree select) {
            if (select instanceof IdentifierTree name) {
                return FACTORY_HELPERS.contains(name.getName().toString());
            }
            if (select instanceof MemberSelectTree member) {
                String name = member.getIdentifier().toString();
                ExpressionTree receiver = member.getExpression();
                if (receiver instanceof LiteralTree literal && literal.getValue() instanceof String) {
                    return STRING_METHODS.contains(name);
                }
                return receiver instanceof IdentifierTree type
                        && Character.isUpperCase(type.getName().charAt(0))
                        && VALUE_FACTORIES.contains(name);
            }
            return false;
        }
    }
}
