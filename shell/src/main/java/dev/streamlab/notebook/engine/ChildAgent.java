package dev.streamlab.notebook.engine;

import dev.streamlab.learner.Kafka;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;

/**
 * Runs inside the child JVM that executes the learner's code. It speaks JShell's own stream protocol
 * over one socket (no JDI, which costs about 200 ms per snippet), and listens on a second socket for
 * "stop" (the JDI engine stops user code by suspending the VM, we stop the user thread instead) and for
 * settings that arrive later, such as the address of a cluster that was still starting.
 *
 * <p>Arguments: the port of the JShell connection, then the port of the stop channel.
 */
public final class ChildAgent extends RemoteExecutionControl {

    static final int STOP = 'S';
    /** Followed by two UTF strings: a system property for the helpers, such as the cluster's address. */
    static final int PROPERTY = 'P';
    /** JShell extension commands: the named variable's value as plain data for the shell, or null if it is no such thing. */
    static final String TOPOLOGY_OF = "streamlab.topology-of";

    static final String SETTINGS_OF = "streamlab.settings-of";
    /** The classes JShell wraps each snippet in; a variable is a static field of the newest one that declares it. */
    private static final java.util.regex.Pattern SNIPPET_CLASS =
            java.util.regex.Pattern.compile("REPL\\.\\$JShell\\$\\d+");

    private final java.util.List<String> snippetClasses = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile Thread userThread;
    private volatile boolean stopRequested;

    public static void main(String[] args) throws Exception {
        // Ctrl-C in the terminal signals the whole process group, this JVM too: the shell decides what
        // Ctrl-C means (stop the running cell), so ignore the signal here.
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Socket jshell = new Socket(loopback, Integer.parseInt(args[0]));
        Socket control = new Socket(loopback, Integer.parseInt(args[1]));
        jshell.setTcpNoDelay(true); // small request/answer messages: without this, delayed ACKs add 40 ms each
        ChildAgent agent = new ChildAgent();
        agent.listenForStop(control.getInputStream());

        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", st -> System.setOut(new PrintStream(st, true)));
        outputs.put("err", st -> System.setErr(new PrintStream(st, true)));
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put("in", System::setIn);
        try {
            Util.forwardExecutionControlAndIO(
                    agent, jshell.getInputStream(), jshell.getOutputStream(), outputs, inputs);
        } finally {
            // The shell closed the connection (or died): go, even if learner code left threads running.
            Runtime.getRuntime().halt(0);
        }
    }

    private void listenForStop(InputStream control) {
        Thread listener = new Thread(
                () -> {
                    try (java.io.DataInputStream in = new java.io.DataInputStream(control)) {
                        while (true) {
                            int command = in.read();
                            if (command == -1) {
                                break;
                            } else if (command == STOP) {
                                stopUserCode();
                            } else if (command == PROPERTY) {
                                Kafka.learnSetting(in.readUTF(), in.readUTF());
                            }
                        }
                    } catch (java.io.IOException e) {
                        // The shell went away; the main loop ends the process.
                    }
                    Runtime.getRuntime().halt(0);
                },
                "streamlab-control-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stopUserCode() {
        Thread thread = userThread;
        if (thread != null) {
            stopRequested = true;
            // Thread.stop is the only way to end `while (true) {}`; it still works on Java 17 to 19.
            // Interrupt first, so code that sleeps or waits ends cleanly.
            thread.interrupt();
            try {
                thread.stop();
            } catch (UnsupportedOperationException javaTwentyOrLater) {
                // Thread.stop is gone from Java 20 on: if the interrupt is not enough, the shell ends this JVM.
            }
        }
    }

    /**
     * JShell asks to redefine a class whose name it keeps (a changed method body, a new value for a variable).
     * {@link RemoteExecutionControl} only records the new bytes, because it expects JDI to have redefined the
     * class in the VM already; without JDI the old code would go on running. Saying "not implemented" makes
     * JShell load the new code under a new class name and recompile what depends on it, as the JDK's local
     * engine does.
     */
    @Override
    public void redefine(ClassBytecodes[] classes) throws ExecutionControl.NotImplementedException {
        throw new ExecutionControl.NotImplementedException("redefine not supported");
    }

    @Override
    public void load(ClassBytecodes[] classes)
            throws ExecutionControl.ClassInstallException, ExecutionControl.NotImplementedException,
                    ExecutionControl.EngineTerminationException {
        super.load(classes);
        for (ClassBytecodes c : classes) {
            if (SNIPPET_CLASS.matcher(c.name()).matches()) {
                snippetClasses.add(c.name());
            }
        }
    }

    /**
     * Answers the shell's questions about a learner's variable with plain, serializable values, so that the shell
     * draws what the learner built without writing Java for it: the variable's name is the argument.
     */
    @Override
    public Object extensionCommand(String command, Object arg)
            throws ExecutionControl.RunException, ExecutionControl.EngineTerminationException,
                    ExecutionControl.InternalException {
        Object value = valueOf((String) arg);
        if (TOPOLOGY_OF.equals(command)) {
            return value instanceof org.apache.kafka.streams.Topology topology
                    ? dev.streamlab.diagram.TopologyView.of(topology.describe())
                    : null;
        }
        if (SETTINGS_OF.equals(command)) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            java.util.LinkedHashMap<String, String> settings = new java.util.LinkedHashMap<>();
            map.forEach((key, setting) -> settings.put(String.valueOf(key), String.valueOf(setting)));
            return settings;
        }
        return super.extensionCommand(command, arg);
    }

    private Object valueOf(String variable) throws ExecutionControl.InternalException {
        for (int i = snippetClasses.size() - 1; i >= 0; i--) {
            try {
                java.lang.reflect.Field field = findClass(snippetClasses.get(i)).getDeclaredField(variable);
                field.setAccessible(true);
                return field.get(null);
            } catch (NoSuchFieldException | ClassNotFoundException e) {
                // declared in an older snippet, or not at all
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExecutionControl.InternalException("cannot read " + variable + ": " + e);
            }
        }
        return null;
    }

    @Override
    protected void clientCodeEnter() {
        stopRequested = false;
        super.clientCodeEnter();
    }

    /**
     * Runs the snippet on a thread of its own, as the JDK's local engine does. A stop ({@code Thread.stop}) can then
     * only ever land in the learner's code: one that arrives just as the snippet returns would otherwise hit this
     * agent's own loop and end the JVM (the shell asks again every 100 ms until the cell's answer arrives).
     */
    @Override
    protected String invoke(java.lang.reflect.Method doitMethod) throws Exception {
        Object[] value = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread snippet = new Thread(
                () -> {
                    try {
                        value[0] = doitMethod.invoke(null);
                    } catch (Throwable t) {
                        failure[0] = t;
                    }
                },
                "jshell-cell");
        snippet.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        userThread = snippet;
        try {
            snippet.start();
            snippet.join();
        } finally {
            userThread = null;
        }
        Throwable t = failure[0];
        if (t instanceof Exception e) {
            throw e; // InvocationTargetException: the learner's own exception, converted by our caller
        }
        if (t instanceof Error e) {
            throw e; // ThreadDeath from a stop, converted by our caller into "stopped"
        }
        return valueString(value[0]);
    }

    @Override
    protected void clientCodeLeave() throws ExecutionControl.InternalException {
        userThread = null;
        Thread.interrupted();
        super.clientCodeLeave();
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause)
            throws ExecutionControl.RunException, ExecutionControl.InternalException {
        if (stopRequested && cause instanceof ThreadDeath) {
            throw new ExecutionControl.StoppedException();
        }
        return super.throwConvertedInvocationException(cause);
    }

    @Override
    protected String throwConvertedOtherException(Throwable ex)
            throws ExecutionControl.RunException, ExecutionControl.InternalException {
        if (stopRequested && (ex instanceof ThreadDeath || ex.getCause() instanceof ThreadDeath)) {
            throw new ExecutionControl.StoppedException();
        }
        return super.throwConvertedOtherException(ex);
    }
}
