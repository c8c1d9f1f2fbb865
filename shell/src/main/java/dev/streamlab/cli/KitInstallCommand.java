package dev.streamlab.cli;

import dev.streamlab.cluster.containers.DockerEngine;
import dev.streamlab.kit.KitException;
import dev.streamlab.kit.KitImages;
import dev.streamlab.kit.KitInstaller;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamlab kit install DIR}: the attendee's side of a kit. */
@Command(
        name = "install",
        description = {
            "Install streamlab from a kit folder, with no network: checks every file against CHECKSUMS, unpacks into",
            "--to DIR (an earlier installation there is replaced; nothing else is ever written over), loads the Kafka",
            "image if Docker answers, runs the installed copy's 'doctor', and says in one line what is ready."
        })
public final class KitInstallCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIT", description = "The kit's folder (on the stick or the share).")
    Path kit;

    @Option(names = "--to", paramLabel = "DIR", description = "Where to install (default: ${DEFAULT-VALUE}).")
    Path to = Path.of(System.getProperty("user.home"), "streamlab");

    @Option(names = "--no-doctor", description = "Do not run 'doctor' after installing.")
    boolean noDoctor;

    @Option(
            names = "--portable",
            description = "Install the copy that runs on any Java 17+, even where the kit has one with its own Java.")
    boolean portable;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        DockerEngine.Status docker = DockerEngine.probe();
        KitInstaller.Installed installed;
        try {
            installed = new KitInstaller(output::progress).install(kit, to, portable, docker.answers());
        } catch (KitException e) {
            output.error(e.getMessage());
            return ExitCode.ENVIRONMENT;
        }
        output.progress("Installed " + installed.archive() + " in " + installed.home());

        Optional<String> loaded = Optional.empty();
        String containers;
        if (installed.image().isEmpty() || installed.imageFile().isEmpty()) {
            containers = "embedded only (the kit has no Kafka image)";
        } else {
            if (!docker.answers()) {
                containers = "embedded only (" + docker.detail() + "; start Docker and install again for containers)";
            } else {
                output.progress("Loading the Kafka image " + installed.image().get() + " into Docker");
                try {
                    if (KitImages.load(
                            installed.imageFile().get(), installed.image().get())) {
                        loaded = installed.image();
                    }
                } catch (IOException | RuntimeException e) {
                    output.progress("Loading the image failed: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                }
                containers = loaded.map(i -> "embedded and containers (image " + i + ")")
                        .orElse("embedded only (Docker did not load the kit's image)");
            }
        }

        int doctor = ExitCode.OK;
        if (!noDoctor) {
            doctor = runDoctor(installed, loaded, output);
        }
        String state = noDoctor
                ? "installed (doctor not run)"
                : doctor == ExitCode.OK
                        ? "ready"
                        : "installed, but doctor found a problem (exit " + doctor + ", see above)";
        output.result("streamlab " + installed.version() + " in " + installed.home() + ": " + state + ", " + containers
                + ". Start it with " + installed.launcher());
        return doctor;
    }

    /** The installed copy's own doctor, as the attendee will run it: its launcher, its class data sharing, its Java. */
    private static int runDoctor(KitInstaller.Installed installed, Optional<String> image, Output output) {
        List<String> command = new ArrayList<>();
        if (installed.launcher().toString().endsWith(".cmd")) {
            command.addAll(List.of("cmd.exe", "/c"));
        }
        command.add(installed.launcher().toString());
        command.add("doctor");
        if (image.isEmpty()) {
            command.addAll(List.of("--cluster", "embedded"));
        }
        output.progress("Running "
                + String.join(" ", command.subList(command.size() - (image.isEmpty() ? 3 : 1), command.size()))
                + " from the installed copy");
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment()
                .remove("STREAMLAB_CDS"); // the installer's temporary copy turns it off; the installed copy makes its
        // archive now
        builder.environment().remove("STREAMLAB_CLUSTER");
        image.ifPresentOrElse(
                i -> builder.environment().put("STREAMLAB_IMAGE", i),
                () -> builder.environment().remove("STREAMLAB_IMAGE"));
        try {
            Process process = builder.start();
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                return ExitCode.INTERNAL;
            }
        } catch (IOException e) {
            output.error("The installed copy's doctor could not start (" + e.getMessage() + "). Run "
                    + installed.launcher() + " doctor yourself to see why.");
            return ExitCode.ENVIRONMENT;
        }
    }
}
