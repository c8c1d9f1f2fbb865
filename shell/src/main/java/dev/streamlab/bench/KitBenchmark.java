package dev.streamlab.bench;

import com.github.dockerjava.api.DockerClient;
import dev.streamlab.cluster.containers.DockerEngine;
import dev.streamlab.cluster.containers.KafkaImage;
import dev.streamlab.kit.KitImages;
import dev.streamlab.kit.KitMaker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The workshop kit's figures (issue 20), from the distribution in {@code dist/target/} (built by
 * {@code ./mvnw -B -ntp -Pdist -DskipTests package}; without it there are no figures):
 * <ul>
 *   <li>the sizes of the distribution, its linux-x64 image (with its own Java), and the kit with and without the image;</li>
 *   <li>from {@code sh install.sh --no-doctor} of a fresh kit into a fresh folder, with a fresh {@code HOME}, to the first
 *       lesson's first cell output ({@code check 00}'s first line): at most 10 s embedded only, at most 30 s with the
 *       image (loaded under a tag of its own that is removed before each run, so the install really loads it);</li>
 *   <li>the installed copy's first start to that first cell output, against the clone's {@code ./streamlab} on a fresh
 *       export of this commit (its Maven build and its class data sharing archive included; the local Maven repository
 *       is warm, so it downloads nothing: an attendee's first start downloads about 190 MB on top).</li>
 * </ul>
 */
public final class KitBenchmark implements Benchmark {

    static final String REFERENCE = "the clone's ./streamlab";

    @Override
    public String name() {
        return "workshop kit";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        String version = dev.streamlab.kit.KitContents.thisVersion();
        Path dist = context.projectRoot().resolve("dist/target/streamlab-" + version + ".tar.gz");
        if (!Files.isRegularFile(dist)) {
            context.listener()
                    .step(
                            "No kit figures: build the distribution first with ./mvnw -B -ntp -Pdist -DskipTests package");
            return List.of();
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("distribution (tar.gz)", "MB", List.of(megabytes(dist)), 250));
        Path linux = dist.resolveSibling("streamlab-" + version + "-linux-x64.tar.gz");
        if (Files.isRegularFile(linux)) {
            figures.add(Figure.of("distribution with its own Java (linux-x64)", "MB", List.of(megabytes(linux)), 300));
        }
        Path work = Files.createTempDirectory("streamlab-kit-bench");
        String tag = "streamlab/kafka:kit-bench-" + ProcessHandle.current().pid();
        DockerClient docker = null;
        try {
            Path embeddedKit = new KitMaker(s -> {})
                    .make(dist, version, Optional.empty(), (i, f) -> {}, work.resolve("kit"))
                    .dir();
            figures.add(Figure.of("kit, embedded only", "MB", List.of(megabytes(embeddedKit)), 700));
            List<Double> embedded = new ArrayList<>();
            List<Double> firstStart = new ArrayList<>();
            for (int run = 1; run <= context.runs(); run++) {
                context.listener()
                        .step("Kit install to first cell output, embedded only, run " + run + " of " + context.runs());
                double[] times = installThenFirstCell(
                        embeddedKit, work.resolve("embedded-" + run), Map.of("STREAMLAB_CLUSTER", "embedded"));
                embedded.add(times[0]);
                firstStart.add(times[1]);
            }
            figures.add(Figure.of("kit install to first cell output, embedded", "s", embedded, 10));
            context.listener()
                    .step(
                            "The clone's first start: a fresh export of this commit, ./streamlab check 00 (Maven build included)");
            List<Double> clone = cloneFirstStart(context.projectRoot(), work.resolve("clone"));
            figures.add(Figure.of("first start of the installed copy to first cell", "s", firstStart, 10)
                    .against(REFERENCE, clone));

            if (DockerEngine.probe().answers()) {
                docker = DockerEngine.client();
                String image = KafkaImage.preferred(docker);
                if (KafkaImage.isPresent(docker, image)) {
                    docker.tagImageCmd(image, tag.substring(0, tag.indexOf(':')), tag.substring(tag.indexOf(':') + 1))
                            .exec();
                    Path imageKit = new KitMaker(s -> {})
                            .make(dist, version, Optional.of(tag), KitImages::save, work.resolve("kit-image"))
                            .dir();
                    figures.add(Figure.of("kit with the Kafka image", "MB", List.of(megabytes(imageKit)), 1200));
                    List<Double> withImage = new ArrayList<>();
                    for (int run = 1; run <= context.runs(); run++) {
                        docker.removeImageCmd(tag).withNoPrune(true).exec(); // the install must load it
                        context.listener()
                                .step("Kit install to first cell output, with the image, run " + run + " of "
                                        + context.runs());
                        withImage.add(installThenFirstCell(
                                imageKit,
                                work.resolve("image-" + run),
                                Map.of("STREAMLAB_CLUSTER", "containers", "STREAMLAB_IMAGE", tag))[0]);
                    }
                    figures.add(Figure.of("kit install to first cell output, with the image", "s", withImage, 30));
                } else {
                    context.listener().step("No figures with the image: " + image + " is not here");
                }
            }
        } finally {
            if (docker != null) {
                try {
                    docker.removeImageCmd(tag).withNoPrune(true).exec();
                } catch (RuntimeException ignored) {
                    // not tagged (any more)
                }
            }
            deleteTree(work);
        }
        return figures;
    }

    /** Seconds from the install's start, and from the installed copy's first start, to the first cell's output. */
    private static double[] installThenFirstCell(Path kit, Path dir, Map<String, String> env)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path install = dir.resolve("streamlab");
        long start = System.nanoTime();
        ProcessBuilder installer = new ProcessBuilder(
                        "sh", kit.resolve("install.sh").toString(), "--to", install.toString(), "--no-doctor")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        installer.environment().put("HOME", home.toString());
        installer.environment().putAll(env);
        run(installer, "kit install");
        long installed = System.nanoTime();
        ProcessBuilder check = new ProcessBuilder(
                        install.resolve("bin/streamlab").toString(), "check", "00")
                .directory(home.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        check.environment().put("HOME", home.toString());
        check.environment().putAll(env);
        long firstCell = firstLine(check);
        return new double[] {(firstCell - start) / 1e9, (firstCell - installed) / 1e9};
    }

    /** The clone's first start: a fresh export of HEAD, its launcher builds it (Maven) and makes its archive, then the cell. */
    private static List<Double> cloneFirstStart(Path project, Path into) throws IOException, InterruptedException {
        if (!Files.exists(project.resolve(".git"))) {
            return List.of();
        }
        Files.createDirectories(into);
        run(
                new ProcessBuilder(
                                "sh",
                                "-c",
                                "git -C \"$0\" archive HEAD | tar -x -C \"$1\"",
                                project.toString(),
                                into.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD),
                "git archive");
        long start = System.nanoTime();
        ProcessBuilder check = new ProcessBuilder(into.resolve("streamlab").toString(), "check", "00")
                .directory(into.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        check.environment().put("STREAMLAB_CLUSTER", "embedded");
        return List.of((firstLine(check) - start) / 1e9);
    }

    private static void run(ProcessBuilder builder, String what) throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(what + " failed (exit "
                    + (process.isAlive() ? "none, it took over 5 minutes" : process.exitValue()) + ")");
        }
    }

    /** Starts the process, returns when its first stdout line came (nanoTime), then stops it and everything it started. */
    private static long firstLine(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            long at = System.nanoTime();
            if (line == null) {
                throw new IOException(
                        String.join(" ", builder.command()) + " printed nothing (exit " + process.waitFor() + ")");
            }
            return at;
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static double megabytes(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return Files.size(path) / 1e6;
        }
        try (var files = Files.walk(path)) {
            long bytes = 0;
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    bytes += Files.size(f);
                }
            }
            return bytes / 1e6;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
