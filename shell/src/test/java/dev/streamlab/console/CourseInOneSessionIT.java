package dev.streamlab.console;

/** The whole course in one session, on embedded brokers, the learner's code on this JDK. */
class CourseInOneSessionIT extends CourseInOneSession {

    @Override
    Setup setup() {
        return embedded();
    }
}
