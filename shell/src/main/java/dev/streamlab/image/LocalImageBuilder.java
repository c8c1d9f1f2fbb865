package dev.streamlab.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.containers.DockerEngine;
import dev.streamlab.cluster.containers.KafkaImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Builds {@link KafkaImage#LOCAL} without any container registry: a Debian bookworm base with a Java 17 runtime made
 * by {@code debootstrap} from Debian's packages and imported into Docker, then Kafka's jars from streamlab's own
 * classpath (Maven Central) and the scripts in {@code image/}, which honour the {@code apache/kafka} image's contract.
 *
 * <p>The base image is kept and reused; only the Kafka layer is rebuilt. Linux only (debootstrap), as root.
 */
public final class LocalImageBuilder {

    public static final String BASE_IMAGE = "streamlab/debian-jre:17-bookworm-local";
    static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";
    /** The files of the repository's {@code image/} folder, packaged into streamlab's jar under {@code image/}. */
    static final List<String> IMAGE_FILES = List.of(
            "Dockerfile",
            "docker/run",
            "docker/configure",
            "docker/launch",
            "docker/make-class-archive",
            "docker/server.properties");

    private static final long DEBOOTSTRAP_MINUTES = 20;
    private static final long NEEDED_DISK_MB = 2_048;

    private final ClusterListener listener;
    private final String mirror;

    public LocalImageBuilder(ClusterListener listener) {
        this(listener, System.getenv().getOrDefault("STREAMLAB_DEBIAN_MIRROR", DEFAULT_MIRROR));
    }

    public LocalImageBuilder(ClusterListener listener, String mirror) {
        this.listener = listener;
        this.mirror = mirror;
    }

    /** Builds the image {@code tag}, making the base image first if it is missing or {@code freshBase} is set. */
    public void build(String tag, boolean freshBase) {
        DockerClient docker = DockerEngine.client();
        if (freshBase || !KafkaImage.isPresent(docker, BASE_IMAGE)) {
            buildBase();
        } else {
            listener.step("Reusing the base image " + BASE_IMAGE + " (--fresh-base makes it again)");
        }
        buildKafkaLayer(docker, tag);
        listener.step("Built " + tag + ". Use it with --image " + tag + " (or STREAMLAB_IMAGE=" + tag + ").");
    }

    private void buildBase() {
        checkCanDebootstrap();
        Path work = temporaryDirectory("streamlab-rootfs-");
        try {
            Path rootfs = work.resolve("rootfs");
            listener.step("Installing Debian bookworm with a Java 17 runtime into " + rootfs
                    + " (debootstrap, about a minute)");
            run(
                    List.of(
                            "debootstrap",
                            "--variant=minbase",
                            "--include=openjdk-17-jre-headless",
                            "bookworm",
                            rootfs.toString(),
                            mirror),
                    DEBOOTSTRAP_MINUTES,
                    new DebootstrapProgress(listener));
            run(
                    List.of(
                            "sh",
                            "-c",
                            "rm -rf usr/share/doc/* usr/share/man/* usr/share/locale/* var/cache/apt/archives/*.deb"
                                    + " var/lib/apt/lists/*"),
                    rootfs,
                    2,
                    line -> {});
            listener.step("Importing it into Docker as " + BASE_IMAGE);
            importRootfs(rootfs);
        } finally {
            delete(work);
        }
    }

    /**
     * {@code tar | docker import}. By hand with the docker CLI: docker-java's import through Testcontainers' transport
     * ended with "unexpected EOF" here, for a stream and for a file alike.
     */
    private void importRootfs(Path rootfs) {
        if (!onPath("docker")) {
            throw new ClusterException("The docker command is not installed; the base image is imported with it."
                    + " Install Docker's command-line client (package docker.io or docker-ce-cli) and try again.");
        }
        run(
                List.of(
                        "bash",
                        "-c",
                        "set -o pipefail; tar -C \"$1\" --numeric-owner -c . | docker import - \"$2\"",
                        "import",
                        rootfs.toString(),
                        BASE_IMAGE),
                15,
                line -> {});
    }

    private void buildKafkaLayer(DockerClient docker, String tag) {
        Path context = temporaryDirectory("streamlab-image-");
        try {
            listener.step("Collecting Kafka's jars and the image scripts");
            int jars = writeContext(context);
            listener.step("Building " + tag + " from " + BASE_IMAGE + " and " + jars + " jars"
                    + " (includes a class data sharing archive made by starting Kafka once)");
            docker.buildImageCmd()
                    .withBaseDirectory(context.toFile())
                    .withDockerfile(context.resolve("Dockerfile").toFile())
                    .withBuildArg("BASE_IMAGE", BASE_IMAGE)
                    .withTags(Set.of(tag))
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(new BuildProgress(listener))
                    .awaitImageId(30, TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            throw explainDocker("build " + tag, e);
        } finally {
            delete(context);
        }
    }

    /** The build context: the Dockerfile and scripts of {@code image/}, {@code libs/} with the jars. Returns the jar count. */
    int writeContext(Path context) {
        try {
            for (String file : IMAGE_FILES) {
                Path target = context.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = LocalImageBuilder.class.getResourceAsStream("/image/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException(
                                "image/" + file + " is missing from streamlab's jar; rebuild streamlab.");
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (file.startsWith("docker/") && !file.endsWith(".properties")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Path libs = Files.createDirectories(context.resolve("libs"));
            List<Path> jars = KafkaJars.forImage();
            for (Path jar : jars) {
                Files.copy(jar, libs.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            writeStarterJar(libs.resolve("streamlab-kafka-starter.jar"));
            return jars.size() + 1;
        } catch (IOException e) {
            throw new ClusterException(
                    "Could not prepare the image's files in " + context + ": " + e.getMessage()
                            + ". Check the free disk space.",
                    e);
        }
    }

    /** {@link KafkaStarter} alone, so the image carries none of streamlab's other code. */
    private static void writeStarterJar(Path jar) throws IOException {
        String entry = KafkaStarter.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                InputStream in = KafkaStarter.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    private static void checkCanDebootstrap() {
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            throw new ClusterException("The offline image is built with Debian's debootstrap, which runs on Linux only."
                    + " Build it on a Linux machine and copy it over ('docker save " + KafkaImage.LOCAL
                    + "' / 'docker load'),"
                    + " or use --cluster embedded.");
        }
        if (!onPath("debootstrap")) {
            throw new ClusterException(
                    "debootstrap is not installed. Install it ('sudo apt-get install -y debootstrap')"
                            + " and run 'streamlab image build' again.");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new ClusterException("debootstrap must run as root. Run 'sudo ./streamlab image build'.");
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", program));
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            Path base = Path.of(System.getProperty("streamlab.image.workdir", "/var/tmp"));
            long freeMb = Files.getFileStore(Files.createDirectories(base)).getUsableSpace() / (1024 * 1024);
            if (freeMb < NEEDED_DISK_MB) {
                throw new ClusterException(
                        "Only " + freeMb + " MB are free in " + base + ", and building the image needs about "
                                + NEEDED_DISK_MB + " MB. Free some disk space and try again.");
            }
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new ClusterException(
                    "Cannot create a working directory for the image build: " + e.getMessage()
                            + ". Check that /var/tmp is writable.",
                    e);
        }
    }

    private static ClusterException explainDocker(String what, RuntimeException e) {
        if (e instanceof ClusterException c) {
            return c;
        }
        String message = String.valueOf(e.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("no space left on device")) {
            return new ClusterException(
                    "Docker is out of disk space while trying to " + what + ". Free some with"
                            + " 'docker system prune' and try again.",
                    e);
        }
        return new ClusterException(
                "Docker could not " + what + ": "
                        + message.strip().lines().findFirst().orElse("") + ". The lines above show how far it got.",
                e);
    }

    private void run(List<String> command, long timeoutMinutes, java.util.function.Consumer<String> output) {
        run(command, null, timeoutMinutes, output);
    }

    private void run(
            List<String> command, Path directory, long timeoutMinutes, java.util.function.Consumer<String> output) {
        Process process = start(command, directory);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder tail = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                output.accept(line);
                tail.append(line).append('\n');
                if (tail.length() > 4_000) {
                    tail.delete(0, tail.length() - 2_000);
                }
            }
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                throw new ClusterException(command.get(0) + " did not finish within " + timeoutMinutes + " minutes.");
            }
            if (process.exitValue() != 0) {
                throw new ClusterException(
                        command.get(0) + " failed (exit code " + process.exitValue() + "). Its last lines:\n"
                                + tail.toString().strip() + "\nCheck that " + mirror
                                + " can be reached (or set STREAMLAB_DEBIAN_MIRROR)"
                                + " and that there is free disk space.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while running " + command.get(0) + ".", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static Process start(List<String> command, Path directory) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            return builder.start();
        } catch (IOException e) {
            throw new ClusterException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** A rootfs holds device files and root-owned trees; rm does the job better than a Java file walk. */
    private void delete(Path directory) {
        try {
            new ProcessBuilder("rm", "-rf", directory.toString())
                    .inheritIO()
                    .start()
                    .waitFor(5, TimeUnit.MINUTES);
        } catch (IOException e) {
            listener.step("Could not remove " + directory + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** debootstrap names every package three times; pass on its phases and a count instead. */
    static final class DebootstrapProgress implements java.util.function.Consumer<String> {
        private final ClusterListener listener;
        private int retrieved;

        DebootstrapProgress(ClusterListener listener) {
            this.listener = listener;
        }

        @Override
        public void accept(String line) {
            if (line.startsWith("I: Retrieving ") && !line.contains("Release") && !line.contains("Packages")) {
                if (++retrieved % 25 == 0) {
                    listener.step("  debootstrap: " + retrieved + " packages downloaded");
                }
            } else if (line.startsWith("I: ")
                    && !line.startsWith("I: Validating ")
                    && !line.startsWith("I: Extracting ")
                    && !line.startsWith("I: Unpacking ")
                    && !line.startsWith("I: Configuring ")
                    && !line.startsWith("I: Retrieving ")) {
                listener.step("  debootstrap: " + line.substring(3));
            } else if (line.startsWith("E: ") || line.startsWith("W: ")) {
                listener.step("  debootstrap: " + line);
            }
        }
    }

    /** Passes on the build's steps ("Step 3/8 : COPY ...") and anything our scripts print. */
    private static final class BuildProgress extends BuildImageResultCallback {
        private final ClusterListener listener;

        BuildProgress(ClusterListener listener) {
            this.listener = listener;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            super.onNext(item);
            String stream = item.getStream();
            if (stream != null) {
                stream.lines()
                        .map(String::strip)
                        .filter(l -> l.startsWith("Step ") || l.startsWith("-r") || l.startsWith("Successfully"))
                        .forEach(l -> listener.step("  " + l));
            }
        }
    }
}
