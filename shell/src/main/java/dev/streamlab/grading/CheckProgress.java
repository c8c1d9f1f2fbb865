package dev.streamlab.grading;

import dev.streamlab.grading.child.CheckEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Turns the check JVM's events into progress lines: "Check 2 of 4 passed: ...". */
final class CheckProgress implements Consumer<CheckEvent> {

    private final Consumer<String> progress;
    private final Map<String, String> names = new HashMap<>();
    private int done;

    CheckProgress(Consumer<String> progress) {
        this.progress = progress;
    }

    @Override
    public void accept(CheckEvent event) {
        switch (event.type()) {
            case CheckEvent.PLANNED -> names.put(event.id(), event.name());
            case CheckEvent.FINISHED ->
                progress.accept("Check " + ++done + " of " + names.size() + " " + event.status() + ": "
                        + names.getOrDefault(event.id(), event.id()));
            default -> {}
        }
    }
}
