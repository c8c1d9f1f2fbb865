package dev.streamlab.connect;

import java.util.List;

/** Connect refused a connector's configuration; {@link #problems()} holds Connect's own messages, per setting. */
public class ConnectorConfigException extends RuntimeException {

    private final List<String> problems;

    public ConnectorConfigException(String connector, List<String> problems) {
        super("Connect refused the configuration of '" + connector + "': " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
