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
    private volatile Consumer<String> live = text -> { };

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

    /** Returns what was written since the last call, and starts afresh. */
    synchronized String take() {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        return text;
    }

    void watch(Consumer<String> listener) {
        live = listener == null ? text -> { } : listener;
    }
}
