package dev.streamlab.files;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Another Unix user of the learner's machine, the attacker of the boundary tests: {@code streamlab-other}, made here
 * when the tests run as root and it is missing ({@code .ci/run} makes it too). Under {@code CI=true} a test that needs
 * this user fails rather than skips.
 */
public final class OtherUser {

    public static final String NAME = "streamlab-other";

    /** What a command said (standard output and error) and its exit status. */
    public record Run(int exit, String output) {}

    private OtherUser() {}

    /** The user's name, once it exists; a test that cannot become it is skipped (outside CI). */
    public static String require(String what) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux (/proc, setpriv)");
        boolean root = run(List.of("id", "-u")).output().strip().equals("0");
        if (run(List.of("id", "-u", NAME)).exit() != 0 && root) {
            Run made = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME));
            if (made.exit() != 0 && run(List.of("id", "-u", NAME)).exit() != 0) {
                fail("Cannot make the user " + NAME + " (useradd: "
                        + made.output().strip() + ").");
            }
        }
        boolean ready = root && run(List.of("id", "-u", NAME)).exit() == 0;
        if (!ready && "true".equals(System.getenv("CI"))) {
            fail("CI=true: this test attacks " + what + " as the user " + NAME + ", and needs root to become "
                    + "that user (run the tests as root, or make the user with .ci/run).");
        }
        Assumptions.assumeTrue(ready, "needs root and the user " + NAME + " to attack " + what + " as another user");
        return NAME;
    }

    /** Runs {@code command} as that user, with none of this process's groups. */
    public static Run runAs(String user, String... command) throws Exception {
        List<String> full =
                new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--clear-groups", "--"));
        full.addAll(List.of(command));
        return run(full);
    }

    public static Run run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not end within 30 s");
        }
        return new Run(process.exitValue(), output);
    }
}
