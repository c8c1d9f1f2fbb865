package dev.streamlab.present;

import java.util.List;
import java.util.Map;

import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.Treeprocessor;

/**
 * Shapes a lesson for an audience before it is converted. {@code [expect]} blocks are for the checker and
 * disappear. In a deck, {@code [hint]} blocks become speaker notes; in a handout they stay, titled "Hint",
 * and speaker notes ({@code [.notes]}) disappear. Cells stay as code.
 */
public final class PresenterView extends Treeprocessor {

    public enum Audience { DECK, HANDOUT }

    private final Audience audience;

    public PresenterView(Audience audience) {
        this.audience = audience;
    }

    @Override
    public Document process(Document document) {
        reshape(document);
        return document;
    }

    private void reshape(StructuralNode parent) {
        List<StructuralNode> blocks = parent.getBlocks();
        for (int i = 0; i < blocks.size(); i++) {
            StructuralNode block = blocks.get(i);
            String style = block.getStyle();
            if ("expect".equals(style) || (audience == Audience.HANDOUT && block.hasRole("notes"))) {
                blocks.remove(i--);
            } else if ("hint".equals(style)) {
                blocks.set(i, audience == Audience.DECK ? speakerNotes(parent, block) : titled(block, "Hint"));
            } else if ("command".equals(style)) {
                block.setTitle(block.getTitle() == null ? "streamlab command" : block.getTitle());
            } else {
                reshape(block);
            }
        }
    }

    private StructuralNode speakerNotes(StructuralNode parent, StructuralNode hint) {
        Block notes = createBlock(parent, "open", List.of(), Map.of("role", "notes"));
        for (StructuralNode child : hint.getBlocks()) {
            notes.append(child);
        }
        return notes;
    }

    private static StructuralNode titled(StructuralNode block, String title) {
        if (block.getTitle() == null) {
            block.setTitle(title);
        }
        return block;
    }
}
