package dev.streamlab.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Run by {@link ProcessLimitsTest} under process limits: what a learner's code that starts threads in a loop does. Says
 * how it ended and the address space it reached (VmPeak), then halts.
 */
public final class ThreadBombProbe {

    private ThreadBombProbe() {}

    public static void main(String[] args) throws Exception {
        // Loaded now: after the bomb no native library could be mapped to read the status.
        Files.readAllLines(Path.of("/proc/self/status"));
        int started = 0;
        String end;
        try {
            for (; started < 20_000; started++) {
                Thread t = new Thread(LockSupport::park);
                t.setDaemon(true);
                t.start();
            }
            end = "no limit after " + started + " threads";
        } catch (OutOfMemoryError e) {
            end = "OutOfMemoryError after " + started + " threads: " + e.getMessage();
        }
        String peak = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmPeak:"))
                .map(l -> l.replaceAll("\\D", ""))
                .findFirst()
                .orElse("?");
        System.out.println(end + "; VmPeak kB " + peak);
        System.out.flush();
        Runtime.getRuntime().halt(3);
    }
}
