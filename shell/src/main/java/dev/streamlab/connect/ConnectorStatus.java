package dev.streamlab.connect;

import java.util.List;

/** A connector's state and its tasks' states, as Connect reports them (its herder or its REST API alike). */
public record ConnectorStatus(State connector, List<State> tasks) {

    /** One state, e.g. {@code RUNNING}, or {@code FAILED} with the trace that says why; {@code id} is a task's. */
    public record State(int id, String state, String trace) {

        /** The state, with the first line of its trace when there is one. */
        String describe() {
            return trace == null || trace.isBlank()
                    ? state
                    : state + ": " + trace.lines().findFirst().orElse("");
        }
    }

    public ConnectorStatus {
        tasks = List.copyOf(tasks);
    }

    public boolean failed() {
        return "FAILED".equals(connector.state()) || tasks.stream().anyMatch(t -> "FAILED".equals(t.state()));
    }

    /** The connector and every one of its tasks run (a connector with no task yet does not). */
    public boolean running() {
        return "RUNNING".equals(connector.state())
                && !tasks.isEmpty()
                && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
    }

    /** E.g. {@code RUNNING}, or {@code RUNNING; task 0 FAILED: ...} for the tasks that do not run. */
    public String describe() {
        StringBuilder text = new StringBuilder(connector.describe());
        for (State task : tasks) {
            if (!"RUNNING".equals(task.state())) {
                text.append("; task ").append(task.id()).append(' ').append(task.describe());
            }
        }
        return text.toString();
    }
}
