package dev.streamlab.present;

import java.util.List;
import java.util.Optional;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.Treeprocessor;

/**
 * Shapes a lesson for a handout before Asciidoctor converts it: {@code [expect]} blocks are for the checker and
 * disappear, {@code [hint]} blocks stay, titled "Hint", speaker notes ({@code [.notes]}) disappear, and below each
 * cell comes what it printed and the pictures of what it showed when the rehearsal ran it.
 */
public final class PresenterView extends Treeprocessor {

    /** The lesson being converted, or null while something else is (the index page): then nothing is reshaped. */
    private Recording recording;

    /** The rehearsal whose outputs the next converted lesson shows. */
    void show(Recording next) {
        this.recording = next;
    }

    @Override
    public Document process(Document document) {
        if (recording == null) {
            return document;
        }
        reshape(document);
        document.getBlocks().add(0, createBlock(document, "pass", "<link rel=\"stylesheet\" href=\"../deck.css\">"));
        return document;
    }

    private void reshape(StructuralNode parent) {
        List<StructuralNode> blocks = parent.getBlocks();
        for (int i = 0; i < blocks.size(); i++) {
            StructuralNode block = blocks.get(i);
            String style = block.getStyle();
            if ("expect".equals(style) || block.hasRole("notes")) {
                blocks.remove(i--);
            } else if ("hint".equals(style)) {
                titled(block, "Hint");
            } else if (isCell(block)) {
                if ("command".equals(style) && block.getTitle() == null) {
                    block.setTitle("streamlab command");
                }
                Optional<Recording.Shown> shown = shownFor(block);
                if (shown.isPresent()) {
                    i = addResult(parent, blocks, i, shown.get());
                }
            } else {
                reshape(block);
            }
        }
    }

    private int addResult(StructuralNode parent, List<StructuralNode> blocks, int at, Recording.Shown shown) {
        int i = at;
        if (!shown.views().isEmpty()) {
            StringBuilder html = new StringBuilder("<div class=\"handout-picture\">");
            shown.views().forEach(view -> html.append(Pictures.html(view)));
            blocks.add(++i, createBlock(parent, "pass", html.append("</div>").toString()));
        } else if (!shown.output().isBlank()) {
            blocks.add(
                    ++i,
                    createBlock(
                            parent,
                            "pass",
                            "<div class=\"handout-output\"><div class=\"title\">What it printed</div><pre>"
                                    + Html.escape(shown.output()) + "</pre></div>"));
        }
        return i;
    }

    private Optional<Recording.Shown> shownFor(StructuralNode block) {
        if (block.getSourceLocation() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                recording.cells().get(block.getSourceLocation().getLineNumber()));
    }

    private static boolean isCell(StructuralNode block) {
        if ("command".equals(block.getStyle())) {
            return true;
        }
        return "listing".equals(block.getContext())
                && "source".equals(block.getStyle())
                && "java".equals(String.valueOf(block.getAttribute("language", "")))
                && !((Block) block).isOption("norun");
    }

    private static void titled(StructuralNode block, String title) {
        if (block.getTitle() == null) {
            block.setTitle(title);
        }
    }
}
