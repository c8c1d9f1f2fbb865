package dev.streamlab.web;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Opens an address in the desktop's browser, when there is a desktop: {@code open} on macOS, {@code xdg-open} elsewhere. */
public final class Browser {

    private Browser() {}

    /** Asks the desktop to open {@code url}; false (and nothing else) when there is no desktop or no opener. */
    public static boolean open(String url) {
        Optional<List<String>> command = command(System.getProperty("os.name", ""), System.getenv());
        if (command.isEmpty()) {
            return false;
        }
        List<String> full = new java.util.ArrayList<>(command.get());
        full.add(url);
        try {
            // The opener hands the address to the browser and exits; the browser is the learner's, not ours to end.
            new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(
                            ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")))
                    .start();
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    static Optional<List<String>> command(String osName, java.util.Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Optional.of(List.of("open"));
        }
        if (os.contains("windows")) {
            return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler"));
        }
        boolean desktop = env.containsKey("DISPLAY") || env.containsKey("WAYLAND_DISPLAY");
        return desktop && onPath("xdg-open", env.getOrDefault("PATH", ""))
                ? Optional.of(List.of("xdg-open"))
                : Optional.empty();
    }

    private static boolean onPath(String program, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
