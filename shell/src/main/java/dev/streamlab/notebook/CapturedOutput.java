package dev.streamlab.notebook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What a cell prints, kept as data. A front end may also watch it live (a consumer loop that
 * prints until Ctrl-C); the captured text is the same either way. Written by JShell's I/O thread.
 */
final class CapturedOutput extends OutputStream {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private volatile Consumer<String> live = text -> {};

    @Override
    public synchronized void write(int b) {
        buffer.write(b);
        live.accept(new String(new byte[] {(byte) b}, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        buffer.write(b, off, len);
        live.accept(new String(b, off, len, StandardCharsets.UTF_8));
    }

    synchronized void append(String text) {
        write(text.getBytes(StandardCharsets.UTF_8), 0, text.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Puts back text taken earlier, without showing it to the watcher again. */
    synchronized void putBack(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
    }

    /** Returns what was written since the last call, and starts afresh. */
    synchronized String take() {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        return text;
    }

    /** Sets who watches the output live, and returns who watched it before. */
    Consumer<String> watch(Consumer<String> listener) {
        Consumer<String> before = live;
        live = listener == null ? text -> {} : listener;
        return before;
    }
}
