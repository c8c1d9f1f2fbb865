package dev.streamlab.present;

import dev.streamlab.diagram.GroupTable;
import dev.streamlab.diagram.GroupView;
import dev.streamlab.diagram.LogStripSvg;
import dev.streamlab.diagram.LogView;
import dev.streamlab.diagram.PartitionMapSvg;
import dev.streamlab.diagram.QueueStripSvg;
import dev.streamlab.diagram.QueueView;
import dev.streamlab.diagram.Style;
import dev.streamlab.diagram.TopicView;
import dev.streamlab.diagram.TopologyDiagram;
import dev.streamlab.diagram.TopologyView;
import dev.streamlab.diagram.View;
import java.util.Locale;

/**
 * A view as a picture for a slide or a handout: the log strip, the partition map and a share group's records as SVG, the group table and the
 * topology drawn by the terminal's own renderers in the deck's colours (each part of the text a styled span).
 */
public final class Pictures {

    private Pictures() {}

    public static String html(View view) {
        if (view instanceof LogView log) {
            return new LogStripSvg().render(log);
        }
        if (view instanceof TopicView topic) {
            return new PartitionMapSvg().render(topic);
        }
        if (view instanceof QueueView queue) {
            return new QueueStripSvg().render(queue);
        }
        if (view instanceof GroupView group) {
            return text("group-table", new GroupTable(MARKED).render(java.util.List.of(group)));
        }
        return text("topology", new TopologyDiagram(MARKED).render((TopologyView) view));
    }

    /** Marks each painted part with characters no renderer writes, so the text can be escaped before the spans go in. */
    private static final Style MARKED =
            (part, text) -> "\u0001" + part.name().toLowerCase(Locale.ROOT) + "\u0002" + text + "\u0003";

    private static String text(String cssClass, String marked) {
        String html = Html.escape(marked)
                .replaceAll("\u0001([a-z_]+)\u0002", "<span class=\"part-$1\">")
                .replace("\u0003", "</span>");
        return "<pre class=\"picture text-picture " + cssClass + "\">" + html + "</pre>";
    }
}
