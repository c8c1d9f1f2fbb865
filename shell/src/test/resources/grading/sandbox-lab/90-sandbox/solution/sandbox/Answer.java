package sandbox;

public final class Answer {
    /** The seed plus 42. */
    public static int answer(int seed) {
        return seed + 42;
    }
}
