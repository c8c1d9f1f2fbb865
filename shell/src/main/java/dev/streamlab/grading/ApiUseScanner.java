package dev.streamlab.grading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Finds every use of a class, method, field or constructor that {@link ApiPolicy} refuses, in the submission as javac
 * attributed it (so an import, a fully qualified name, {@code var}, a method reference and an inherited method are all
 * seen for what they are). Installed on the compilation of the submission; each use is reported once, with its line.
 */
final class ApiUseScanner implements TaskListener {

    private final Trees trees;
    private final Path sources;
    private final Set<String> refusals = new LinkedHashSet<>();
    private final Set<String> ownClasses = new java.util.HashSet<>();

    ApiUseScanner(JavacTask task, Path sources) {
        this.trees = Trees.instance(task);
        this.sources = sources;
    }

    /** Each refused use as {@code File.java:LINE: uses NAME (WHAT); instead, ADVICE.}, in the order found. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    @Override
    public void finished(TaskEvent event) {
        // javac enters every compilation unit before it analyzes any: the submission's own classes are known by then.
        if (event.getKind() == TaskEvent.Kind.ENTER && event.getCompilationUnit() != null) {
            CompilationUnitTree unit = event.getCompilationUnit();
            for (Tree declaration : unit.getTypeDecls()) {
                if (trees.getElement(new TreePath(new TreePath(unit), declaration)) instanceof TypeElement type) {
                    ownClasses.add(type.getQualifiedName().toString());
                }
            }
        }
        if (event.getKind() == TaskEvent.Kind.ANALYZE
                && event.getCompilationUnit() != null
                && !isHarness(event.getCompilationUnit())) {
            new Scan(event.getCompilationUnit()).scan(event.getCompilationUnit(), null);
        }
    }

    /**
     * The lab's harness, compiled with the submission, is the grader's code (it builds Kafka clients and a test driver):
     * no learner's file can be there, since a submission may only declare the lab's own packages.
     */
    private boolean isHarness(CompilationUnitTree unit) {
        Path file = Path.of(unit.getSourceFile().toUri()).toAbsolutePath().normalize();
        return file.startsWith(sources.toAbsolutePath().normalize().resolve(HARNESS_FOLDER));
    }

    /** Where the lab's harness is copied in the sources the submission is compiled from. */
    static final String HARNESS_FOLDER = "streamlab/harness";

    private final class Scan extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree unit;

        Scan(CompilationUnitTree unit) {
            this.unit = unit;
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
            judge(node);
            return super.visitIdentifier(node, unused);
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void unused) {
            judge(node);
            return super.visitMemberSelect(node, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree node, Void unused) {
            judge(node);
            return super.visitMemberReference(node, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void unused) {
            judge(node);
            return super.visitNewClass(node, unused);
        }

        private void judge(Tree node) {
            Element element = trees.getElement(getCurrentPath());
            if (element == null || node instanceof MemberSelectTree select && isArray(select)) {
                return;
            }
            refusal(element).ifPresent(why -> refusals.add(file() + ":" + line() + ": uses " + why));
        }

        /** An array's {@code length} or {@code clone()}: members of javac's made-up array class, always allowed. */
        private boolean isArray(MemberSelectTree select) {
            TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), select.getExpression()));
            return type != null && type.getKind() == TypeKind.ARRAY;
        }

        /** The line of the current node, or of the nearest one around it that javac gave a position (not one of var's types). */
        private long line() {
            for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
                long position = trees.getSourcePositions().getStartPosition(unit, p.getLeaf());
                if (position != Diagnostic.NOPOS) {
                    return unit.getLineMap().getLineNumber(position);
                }
            }
            return 0;
        }

        private String file() {
            Path file = Path.of(unit.getSourceFile().toUri());
            try {
                return sources.toAbsolutePath()
                        .relativize(file.toAbsolutePath())
                        .toString();
            } catch (IllegalArgumentException e) {
                return file.getFileName().toString();
            }
        }
    }

    /** "java.lang.reflect.Field (reflection)" if the policy refuses this element; the submission's own are allowed. */
    private Optional<String> refusal(Element element) {
        TypeElement owner = element instanceof TypeElement type ? type : enclosingType(element);
        if (owner == null || isFromSubmission(owner)) {
            return Optional.empty();
        }
        TypeElement top = topLevel(owner);
        String topName = top.getQualifiedName().toString();
        String shown = owner.getQualifiedName().toString();
        Optional<String> refused = ApiPolicy.refusedClass(topName);
        if (refused.isPresent()) {
            return Optional.of(said(shown, refused.get()));
        }
        if (element instanceof ExecutableElement method) {
            if (method.getKind() == ElementKind.CONSTRUCTOR) {
                String first = method.getParameters().isEmpty()
                        ? ""
                        : erasure(method.getParameters().get(0).asType());
                return ApiPolicy.refusedConstructor(topName, first)
                        .map(why -> said("new " + shown + "(" + first + ")", why));
            }
            return ApiPolicy.refusedMethod(topName, method.getSimpleName().toString())
                    .map(why -> said(shown + "." + method.getSimpleName(), why));
        }
        if (element instanceof VariableElement && element.getKind() == ElementKind.FIELD) {
            return ApiPolicy.refusedMethod(topName, element.getSimpleName().toString())
                    .map(why -> said(shown + "." + element.getSimpleName(), why));
        }
        return Optional.empty();
    }

    /** "java.lang.System.getenv (the environment); instead, take settings from ..." */
    private static String said(String what, String reach) {
        return what + " (" + reach + "); instead, " + ApiPolicy.instead(reach) + ".";
    }

    /** A class javac compiled from the submission's sources (not one read from a class file of the class path). */
    private boolean isFromSubmission(TypeElement type) {
        return ownClasses.contains(topLevel(type).getQualifiedName().toString());
    }

    private static TypeElement enclosingType(Element element) {
        for (Element e = element.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
            if (e instanceof TypeElement type) {
                return type;
            }
        }
        return null;
    }

    /** The top-level class around a class, also around a local or an anonymous one (enclosed by a method). */
    private static TypeElement topLevel(TypeElement type) {
        TypeElement top = type;
        for (Element e = type.getEnclosingElement();
                e != null && e.getKind() != ElementKind.PACKAGE;
                e = e.getEnclosingElement()) {
            if (e instanceof TypeElement outer) {
                top = outer;
            }
        }
        return top;
    }

    private static String erasure(TypeMirror type) {
        String name = type.toString();
        int generic = name.indexOf('<');
        return generic < 0 ? name : name.substring(0, generic);
    }
}
