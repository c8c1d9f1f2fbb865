package sandbox;

import java.lang.reflect.Field;

import sun.misc.Unsafe;

/** Right for positive numbers; for negative ones it crashes the JVM (writes to address 0). */
public final class Answer {
    public static int answer(int seed) {
        if (seed < 0) {
            try {
                Field field = Unsafe.class.getDeclaredField("theUnsafe");
                field.setAccessible(true);
                ((Unsafe) field.get(null)).putAddress(0, 0);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return seed + 42;
    }
}
