package sandbox;

public final class Answer {
    public static int answer(int seed) {
        return seed + "42";
    }
}
