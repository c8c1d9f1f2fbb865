package dev.streamlab.image;

/** Loads each class named on its command line, as a JVM with only the packaged class path sees them; exit 1 if one is missing. */
public final class ClassProbe {

    private ClassProbe() {}

    public static void main(String[] names) {
        int missing = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, ClassProbe.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                System.out.println("missing " + name);
                missing++;
            }
        }
        System.exit(missing == 0 ? 0 : 1);
    }
}
