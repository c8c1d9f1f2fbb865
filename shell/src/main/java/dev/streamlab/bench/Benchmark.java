package dev.streamlab.bench;

import java.util.List;

/** A group of figures measured together, e.g. everything about the embedded cluster. */
public interface Benchmark {

    String name();

    List<Figure> run(BenchContext context) throws Exception;
}
