package sandbox;

import java.util.ArrayList;
import java.util.List;

public final class Answer {
    public static int answer(int seed) {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1_000_000]);
        }
    }
}
