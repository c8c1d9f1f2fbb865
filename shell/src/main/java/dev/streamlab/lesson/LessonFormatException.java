package dev.streamlab.lesson;

/** A lesson file that cannot be used, with the file and line where the problem is. */
public final class LessonFormatException extends RuntimeException {

    private final String file;
    private final int line;

    public LessonFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
