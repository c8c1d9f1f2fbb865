package dev.streamlab.console;

/** The whole course in one session, on the containers cluster. */
class CourseOnContainersIT extends CourseInOneSession {

    @Override
    Setup setup() {
        return containers();
    }
}
