package sandbox;

public final class Answer {
    public static int answer(int seed) {
        long n = 0;
        while (n >= 0) {
            n = (n + 1) % 1000;
        }
        return (int) n;
    }
}
