package dev.streamlab.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamlab.diagram.View;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.present.Pictures;

/** A cell's result as the page shows it: the one place that reads a {@link CellResult} for the browser. */
public final class CellJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private CellJson() {}

    /**
     * {@code outcome}, {@code code}, {@code output}, {@code problem} (only when it says more than the output),
     * {@code checks} (each {@code text}, {@code held}, {@code detail}), {@code passed}, and {@code pictures}: the views a
     * command drew, as SVG (or HTML text for a table), whose words escaped here.
     */
    public static ObjectNode of(CellResult result) {
        ObjectNode json = JSON.createObjectNode();
        json.put("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        json.put("code", result.code());
        json.put("output", result.output());
        String problem = result.problem();
        json.put("problem", problem == null || problem.equals(result.output().strip()) ? null : problem);
        ArrayNode checks = json.putArray("checks");
        for (CellResult.Check check : result.checks()) {
            checks.addObject()
                    .put("text", check.text())
                    .put("held", check.held())
                    .put("detail", check.detail());
        }
        json.put("passed", result.passed());
        json.put("skipped", result.skipped());
        ArrayNode pictures = json.putArray("pictures");
        if (result.drawing() != null) {
            for (View view : result.drawing().views()) {
                pictures.add(Pictures.html(view));
            }
        }
        json.put("millis", result.elapsed().toMillis());
        return json;
    }
}
