package dev.streamlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A room of two machines made of network namespaces: the instructor's and a learner's, joined by one veth pair and
 * nothing else (no route out, the machine's own network untouched). Needs root and iproute2's {@code ip}; the
 * addresses are from 198.51.100.0/24, reserved for documentation, and exist only inside these two namespaces.
 */
final class RoomNetwork implements AutoCloseable {

    static final String INSTRUCTOR_ADDRESS = "198.51.100.1";
    static final String LEARNER_ADDRESS = "198.51.100.2";

    private final String instructor;
    private final String learner;

    private RoomNetwork(String instructor, String learner) {
        this.instructor = instructor;
        this.learner = learner;
    }

    /** Whether this machine lets the tests make namespaces (root, and {@code ip} installed). */
    static boolean possible() {
        String probe = "streamlab-probe-" + ThreadLocalRandom.current().nextInt(1_000_000);
        try {
            if (ip("netns", "add", probe) != 0) {
                return false;
            }
            ip("netns", "del", probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static RoomNetwork create() throws IOException {
        String id = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        RoomNetwork room = new RoomNetwork("streamlab-instructor-" + id, "streamlab-learner-" + id);
        try {
            run("netns", "add", room.instructor);
            run("netns", "add", room.learner);
            String a = "sli" + id;
            String b = "sll" + id;
            run("link", "add", a, "netns", room.instructor, "type", "veth", "peer", "name", b, "netns", room.learner);
            run("-n", room.instructor, "addr", "add", INSTRUCTOR_ADDRESS + "/30", "dev", a);
            run("-n", room.learner, "addr", "add", LEARNER_ADDRESS + "/30", "dev", b);
            for (String[] link : List.of(
                    new String[] {room.instructor, a},
                    new String[] {room.learner, b},
                    new String[] {room.instructor, "lo"},
                    new String[] {room.learner, "lo"})) {
                run("-n", link[0], "link", "set", link[1], "up");
            }
            return room;
        } catch (IOException | RuntimeException e) {
            room.close();
            throw e;
        }
    }

    /** The command prefix that runs a program on the instructor's machine. */
    List<String> onInstructorsMachine() {
        return List.of("ip", "netns", "exec", instructor);
    }

    /** The command prefix that runs a program on the learner's machine. */
    List<String> onLearnersMachine() {
        return List.of("ip", "netns", "exec", learner);
    }

    /** Deletes both namespaces (the veth pair goes with them); run once their programs have ended. */
    @Override
    public void close() {
        for (String name : List.of(instructor, learner)) {
            try {
                ip("netns", "del", name);
            } catch (IOException e) {
                // not made, or gone already
            }
        }
    }

    private static void run(String... args) throws IOException {
        int exit = ip(args);
        if (exit != 0) {
            throw new IOException("ip " + String.join(" ", args) + " failed (exit " + exit + ")");
        }
    }

    private static int ip(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ip " + String.join(" ", args) + " did not end");
            }
            if (p.exitValue() != 0 && !output.isBlank()) {
                System.err.println("ip " + String.join(" ", args) + ": " + output.strip());
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
