package dev.streamlab.web;

import dev.streamlab.lesson.Cell;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.JavaSession;
import dev.streamlab.notebook.Notebook;
import java.util.function.Consumer;

/** What the page needs of a {@link Notebook}: an interface so the server's own logic can be tested without a cluster. */
public interface Cells {

    CellResult run(Cell cell, String code);

    CellResult runTyped(String input);

    void stop();

    void watch(Consumer<String> listener);

    boolean canControlBrokers();

    void prepareSql();

    /** What JShell would complete at {@code cursor}; never called while a cell runs. */
    default JavaSession.Completions complete(String code, int cursor) {
        return new JavaSession.Completions(cursor, java.util.List.of());
    }

    static Cells of(Notebook notebook) {
        return new Cells() {
            @Override
            public CellResult run(Cell cell, String code) {
                return notebook.run(cell, code);
            }

            @Override
            public CellResult runTyped(String input) {
                return notebook.runTyped(input);
            }

            @Override
            public void stop() {
                notebook.stop();
            }

            @Override
            public void watch(Consumer<String> listener) {
                notebook.watch(listener);
            }

            @Override
            public boolean canControlBrokers() {
                return notebook.canControlBrokers();
            }

            @Override
            public void prepareSql() {
                notebook.prepareSql();
            }

            @Override
            public JavaSession.Completions complete(String code, int cursor) {
                return notebook.java().complete(code, cursor);
            }
        };
    }
}
