package dev.streamlab.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.ListItem;
import org.asciidoctor.ast.Section;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * Reads lesson files with AsciidoctorJ. Starting Asciidoctor takes seconds (JRuby), so this runs when
 * streamlab is built ({@link LessonCompiler}), and the shell loads the result ({@link LessonCatalogue}).
 *
 * <p>The format is documented for lesson authors in {@code lessons/README.adoc}.
 */
public final class LessonParser implements AutoCloseable {

    private static final Set<String> ADMONITIONS = Set.of("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION");

    private final Asciidoctor asciidoctor;
    private final List<LogRecord> problems = new ArrayList<>();

    public LessonParser() {
        // Asciidoctor also logs through java.util.logging; we report its warnings ourselves, with file and line.
        Logger.getLogger("asciidoctor").setUseParentHandlers(false);
        asciidoctor = Asciidoctor.Factory.create();
        asciidoctor.registerLogHandler(record -> {
            if (record.getSeverity().ordinal() >= Severity.WARN.ordinal()) {
                problems.add(record);
            }
        });
    }

    /**
     * @param file the lesson file
     * @param displayName how messages name the file, such as {@code lessons/00-welcome.adoc}
     */
    public Lesson parse(Path file, String displayName) {
        problems.clear();
        Document document;
        try {
            document = asciidoctor.load(
                    Files.readString(file),
                    Options.builder()
                            .safe(SafeMode.UNSAFE) // lessons include code from our own sources
                            .sourcemap(true)
                            .baseDir(file.toAbsolutePath().getParent().toFile())
                            .attributes(org.asciidoctor.Attributes.builder()
                                    .attribute("docfile", file.toAbsolutePath().toString())
                                    .experimental(true) // kbd:[Enter]
                                    .build())
                            .build());
        } catch (java.io.IOException e) {
            throw new LessonFormatException(displayName, 0, "cannot read the file: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            LogRecord first = problems.get(0);
            int line = first.getCursor() == null ? 0 : first.getCursor().getLineNumber();
            throw new LessonFormatException(displayName, line, first.getMessage());
        }
        String id = file.getFileName().toString().replaceFirst("\\.adoc$", "");
        Builder builder = new Builder(displayName);
        builder.walk(document.getBlocks());
        String title = document.getDoctitle() == null
                ? id
                : InlineText.unescape(document.getDoctitle().replaceAll("<[^>]+>", ""));
        return new Lesson(
                id,
                title,
                displayName,
                builder.steps(),
                listAttribute(document, "reset-topics"),
                listAttribute(document, "reset-groups"));
    }

    private static List<String> listAttribute(Document document, String name) {
        Object value = document.getAttribute(name);
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.toString().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public void close() {
        asciidoctor.shutdown();
    }

    /** Walks the document in reading order, gathering prose into steps that each end with a cell. */
    private static final class Builder {
        private final String file;
        private final List<Step> steps = new ArrayList<>();
        private List<Prose> pending = new ArrayList<>();
        private List<Prose> pendingNotes = new ArrayList<>();

        Builder(String file) {
            this.file = file;
        }

        List<Step> steps() {
            List<Step> all = new ArrayList<>(steps);
            if (!pending.isEmpty() || !pendingNotes.isEmpty()) {
                all.add(new Step(pending, null, pendingNotes));
            }
            return all;
        }

        void walk(List<StructuralNode> blocks) {
            for (StructuralNode block : blocks) {
                visit(block);
            }
        }

        private void visit(StructuralNode node) {
            String context = node.getContext();
            String style = node.getStyle();
            int line = node.getSourceLocation() == null
                    ? 0
                    : node.getSourceLocation().getLineNumber();
            if (node.hasRole("notes")) {
                speakerNotes(node);
                return;
            }
            int before = pending.size();
            add(node, context, style, line);
            if (node.hasRole("slide")) {
                for (int i = before; i < pending.size(); i++) {
                    pending.set(i, pending.get(i).markedForSlide(true));
                }
            }
        }

        private void add(StructuralNode node, String context, String style, int line) {
            switch (context) {
                case "preamble" -> walk(node.getBlocks());
                case "section" -> {
                    Section section = (Section) node;
                    pending.add(new Prose(
                            Prose.Kind.HEADING, section.getLevel(), "", List.of(InlineText.spans(section.getTitle()))));
                    walk(node.getBlocks());
                }
                case "paragraph" -> {
                    requireStyle(node, line, null, "normal", "abstract");
                    pending.add(new Prose(
                            Prose.Kind.PARAGRAPH,
                            0,
                            "",
                            List.of(InlineText.spans(node.getContent().toString()))));
                }
                case "admonition" -> {
                    String label =
                            String.valueOf(node.getAttribute("name", style)).toUpperCase(java.util.Locale.ROOT);
                    if (!ADMONITIONS.contains(label)) {
                        throw unknownStyle(line, context, style);
                    }
                    pending.add(new Prose(Prose.Kind.ADMONITION, 0, label, paragraphsOf(node)));
                }
                case "ulist", "olist", "colist" -> pending.add(list(node, context.equals("ulist") ? "*" : "1."));
                case "dlist" -> pending.add(descriptionList(node));
                case "listing", "literal" -> listing((Block) node, style, line);
                case "example" -> {
                    if ("hint".equals(style)) {
                        attachHint(node, line);
                    } else {
                        requireStyle(node, line, null, "example");
                        walk(node.getBlocks());
                    }
                }
                case "sidebar", "open" -> {
                    requireStyle(node, line, null, "sidebar", "open", "abstract");
                    walk(node.getBlocks());
                }
                case "quote", "verse" -> pending.add(new Prose(Prose.Kind.QUOTE, 0, "", paragraphsOf(node)));
                case "image" ->
                    pending.add(new Prose(
                            Prose.Kind.PICTURE,
                            0,
                            String.valueOf(node.getAttribute("target", "")),
                            List.of(List.of(Span.plain(String.valueOf(node.getAttribute("alt", "")))))));
                case "thematic_break", "page_break", "toc", "pass", "comment" -> {
                    // nothing to show in a terminal
                }
                default ->
                    throw new LessonFormatException(
                            file,
                            line,
                            "a lesson cannot contain a " + context
                                    + " block. See lessons/README.adoc for what it can contain.");
            }
        }

        private void listing(Block block, String style, int line) {
            String language = String.valueOf(block.getAttribute("language", ""));
            if ("source".equals(style) && "java".equals(language) && !block.isOption("norun")) {
                addCell(new Cell(Cell.Kind.JAVA, code(block), line, List.of(), 0, List.of()));
            } else if ("source".equals(style) && "sql".equals(language) && !block.isOption("norun")) {
                addCell(new Cell(Cell.Kind.SQL, code(block), line, List.of(), 0, List.of()));
            } else if ("command".equals(style)) {
                addCell(new Cell(Cell.Kind.COMMAND, code(block), line, List.of(), 0, List.of()));
            } else if ("expect".equals(style)) {
                attachExpectations(block, line);
            } else if (style == null || Set.of("source", "listing", "literal").contains(style)) {
                List<List<Span>> lines =
                        code(block).lines().map(l -> List.of(Span.plain(l))).toList();
                pending.add(new Prose(Prose.Kind.CODE, 0, language, lines));
            } else {
                throw unknownStyle(line, block.getContext(), style);
            }
        }

        private void addCell(Cell cell) {
            steps.add(new Step(pending, cell, pendingNotes));
            pending = new ArrayList<>();
            pendingNotes = new ArrayList<>();
        }

        /** A {@code [.notes]} block: for the presenter, never in the learner's prose. */
        private void speakerNotes(StructuralNode node) {
            if (node.getBlocks().isEmpty()) {
                pendingNotes.add(new Prose(
                        Prose.Kind.PARAGRAPH,
                        0,
                        "",
                        List.of(InlineText.spans(node.getContent().toString()))));
                return;
            }
            Builder inner = new Builder(file);
            inner.walk(node.getBlocks());
            if (!inner.steps.isEmpty()) {
                throw new LessonFormatException(file, 0, "speaker notes ([.notes]) cannot contain a cell.");
            }
            pendingNotes.addAll(inner.pending);
        }

        private void attachExpectations(Block block, int line) {
            Step step = stepForAttachment(line, "[expect]");
            List<Expectation> expectations = new ArrayList<>();
            List<String> source = block.getSource().lines().toList();
            for (int i = 0; i < source.size(); i++) {
                String text = source.get(i).strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                try {
                    expectations.add(Expectation.parse(text));
                } catch (IllegalArgumentException e) {
                    throw new LessonFormatException(file, line + 1 + i, e.getMessage());
                }
            }
            replaceLast(new Step(step.prose(), step.cell().withExpectations(expectations, line + 1), step.notes()));
        }

        private void attachHint(StructuralNode node, int line) {
            Step step = stepForAttachment(line, "[hint]");
            Builder inner = new Builder(file);
            inner.walk(node.getBlocks());
            if (!inner.steps.isEmpty()) {
                throw new LessonFormatException(file, line, "a [hint] cannot contain a cell.");
            }
            replaceLast(new Step(step.prose(), step.cell().withHint(new Hint(inner.pending)), step.notes()));
        }

        /** Expectations and hints belong to the cell right above them, with no prose in between. */
        private Step stepForAttachment(int line, String what) {
            if (steps.isEmpty() || !pending.isEmpty()) {
                throw new LessonFormatException(
                        file, line, "an " + what + " block must come right after the cell it belongs to.");
            }
            return steps.get(steps.size() - 1);
        }

        private void replaceLast(Step step) {
            steps.set(steps.size() - 1, step);
        }

        private static String code(Block block) {
            // Callouts (// <1>) explain code in the lesson; they are not part of it.
            return block.getSource()
                    .replaceAll("(?m)[ \\t]*(//|#)?[ \\t]*<\\d+>[ \\t]*$", "")
                    .stripTrailing();
        }

        private Prose list(StructuralNode node, String marker) {
            List<List<Span>> items = new ArrayList<>();
            for (StructuralNode item : node.getBlocks()) {
                items.add(InlineText.spans(((ListItem) item).getText()));
            }
            return new Prose(Prose.Kind.LIST, 0, marker, items);
        }

        private Prose descriptionList(StructuralNode node) {
            List<List<Span>> items = new ArrayList<>();
            for (var entry : ((org.asciidoctor.ast.DescriptionList) node).getItems()) {
                List<Span> item = new ArrayList<>();
                entry.getTerms()
                        .forEach(term -> item.addAll(InlineText.spans("<strong>" + term.getText() + "</strong>")));
                if (entry.getDescription() != null) {
                    item.add(Span.plain(": "));
                    item.addAll(InlineText.spans(entry.getDescription().getText()));
                }
                items.add(item);
            }
            return new Prose(Prose.Kind.LIST, 0, "*", items);
        }

        private static List<List<Span>> paragraphsOf(StructuralNode node) {
            if (node.getBlocks().isEmpty()) {
                return List.of(InlineText.spans(node.getContent().toString()));
            }
            List<List<Span>> paragraphs = new ArrayList<>();
            for (StructuralNode child : node.getBlocks()) {
                paragraphs.add(InlineText.spans(child.getContent().toString()));
            }
            return paragraphs;
        }

        private void requireStyle(StructuralNode node, int line, String... allowed) {
            String style = node.getStyle();
            for (String ok : allowed) {
                if (ok == null ? style == null : ok.equals(style)) {
                    return;
                }
            }
            throw unknownStyle(line, node.getContext(), style);
        }

        private LessonFormatException unknownStyle(int line, String context, String style) {
            return new LessonFormatException(
                    file,
                    line,
                    "unknown block style [" + style + "] on a " + context
                            + " block. Lessons know [source,java], [command], [expect] and [hint]; see lessons/README.adoc.");
        }
    }
}
