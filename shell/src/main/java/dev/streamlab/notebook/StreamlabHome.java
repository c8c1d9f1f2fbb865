package dev.streamlab.notebook;

import java.nio.file.Path;

/**
 * The folder where streamlab keeps a learner's files (progress, history): {@code ~/.streamlab}, or
 * the {@code streamlab.home} system property, or the {@code STREAMLAB_HOME} environment variable
 * (tests point it at a temporary folder).
 */
public final class StreamlabHome {

    public static final String PROPERTY = "streamlab.home";
    public static final String ENVIRONMENT = "STREAMLAB_HOME";

    private StreamlabHome() {}

    public static Path path() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".streamlab");
    }
}
