package dev.streamlab.notebook.engine;

import dev.streamlab.diagram.TopologyView;
import dev.streamlab.jvm.JavaCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * A JShell execution engine that runs learner code in a child JVM, connected by plain sockets.
 * The shell (and the Kafka cluster in it) stays safe from {@code System.exit}, endless loops and
 * {@code OutOfMemoryError}, and a snippet costs a few milliseconds instead of JDI's 200.
 */
public final class ChildJvmEngine implements ExecutionControlProvider {

    private static final int CONNECT_TIMEOUT_MS = 30_000;

    private final Path java;
    private final List<String> jvmOptions;
    private final Map<String, String> properties = new java.util.LinkedHashMap<>();
    private volatile Process process;
    private volatile ChildControl current;

    /** @param jvmOptions extra options for the child JVM, such as {@code -Dkey=value} */
    public ChildJvmEngine(List<String> jvmOptions) {
        this(Path.of(System.getProperty("java.home"), "bin", "java"), jvmOptions);
    }

    /** @param java the {@code java} launcher that runs the child (any JDK from 17 on) */
    public ChildJvmEngine(Path java, List<String> jvmOptions) {
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    @Override
    public String name() {
        return "streamlab-child";
    }

    /**
     * Sets a system property in the child JVM now (if one runs) and in every later one. The learner
     * helpers read the cluster's address this way, even while a cell is running.
     */
    public synchronized void setProperty(String name, String value) {
        properties.put(name, value);
        ChildControl control = current;
        if (control != null) {
            control.sendProperty(name, value);
        }
    }

    /** The properties set so far, for an engine that replaces this one. */
    public synchronized Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /** The learner's variable, if it holds a Kafka Streams topology: its description, read in the child JVM. */
    public Optional<TopologyView> topologyOf(String variable) throws ExecutionControl.ExecutionControlException {
        return Optional.ofNullable((TopologyView) ask(ChildAgent.TOPOLOGY_OF, variable));
    }

    /** The learner's variable, if it holds a map: its entries as text, read in the child JVM. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, String>> settingsOf(String variable) throws ExecutionControl.ExecutionControlException {
        return Optional.ofNullable((Map<String, String>) ask(ChildAgent.SETTINGS_OF, variable));
    }

    private Object ask(String question, String variable) throws ExecutionControl.ExecutionControlException {
        ChildControl control = current;
        if (control == null) {
            throw new ExecutionControl.EngineTerminationException("The Java process for your code has not started.");
        }
        return control.extensionCommand(question, variable);
    }

    /** The child JVM of the current engine, or null before the first one starts. */
    public Process process() {
        return process;
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket jshellServer = new ServerSocket(0, 1, loopback);
                ServerSocket controlServer = new ServerSocket(0, 1, loopback)) {
            jshellServer.setSoTimeout(CONNECT_TIMEOUT_MS);
            controlServer.setSoTimeout(CONNECT_TIMEOUT_MS);
            Process child =
                    launch(jshellServer.getLocalPort(), controlServer.getLocalPort(), env.extraRemoteVMOptions());
            process = child;
            try {
                Socket jshell = jshellServer.accept();
                Socket control = controlServer.accept();
                jshell.setTcpNoDelay(true);
                return Util.remoteInputOutput(
                        jshell.getInputStream(),
                        jshell.getOutputStream(),
                        Map.of("out", env.userOut(), "err", env.userErr()),
                        Map.of("in", env.userIn()),
                        (in, out) -> {
                            synchronized (this) {
                                current = new ChildControl(out, in, child, control);
                                return current;
                            }
                        });
            } catch (SocketTimeoutException e) {
                child.destroyForcibly();
                throw new IOException(
                        "The Java process for your code did not start within " + CONNECT_TIMEOUT_MS / 1000 + " s.", e);
            }
        }
    }

    private Process launch(int jshellPort, int controlPort, List<String> remoteOptions) throws IOException {
        JavaCommand command =
                JavaCommand.using(java).classPath(JavaCommand.ownClassPath()).options(jvmOptions);
        synchronized (this) {
            properties.forEach(command::property);
        }
        command.options(remoteOptions)
                .main(ChildAgent.class.getName(), String.valueOf(jshellPort), String.valueOf(controlPort));
        ProcessBuilder builder = new ProcessBuilder(command.toList())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    /** JShell's own stream protocol, plus a stop that works without JDI and a close that ends the child. */
    private static final class ChildControl extends StreamingExecutionControl {
        private final Process child;
        private final Socket control;
        private final OutputStream stopChannel;

        ChildControl(java.io.ObjectOutput out, java.io.ObjectInput in, Process child, Socket control) {
            super(out, in);
            this.child = child;
            this.control = control;
            try {
                this.stopChannel = control.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() throws EngineTerminationException {
            try {
                synchronized (stopChannel) {
                    stopChannel.write(ChildAgent.STOP);
                    stopChannel.flush();
                }
            } catch (IOException e) {
                throw new EngineTerminationException("The Java process for your code has ended.");
            }
        }

        void sendProperty(String name, String value) {
            try {
                synchronized (stopChannel) {
                    java.io.DataOutputStream out = new java.io.DataOutputStream(stopChannel);
                    out.write(ChildAgent.PROPERTY);
                    out.writeUTF(name);
                    out.writeUTF(value);
                    out.flush();
                }
            } catch (IOException e) {
                // The child is gone; the next one gets the property on its command line.
            }
        }

        @Override
        public void close() {
            super.close();
            try {
                control.close();
            } catch (IOException e) {
                // closing anyway
            }
            child.destroy();
        }
    }
}
