package dev.streamlab.console;

/** The whole course in one session, on embedded brokers, the learner's code on a JDK 20 or newer (no Thread.stop: stopping code costs its process). */
class CourseOnANewJdkIT extends CourseInOneSession {

    @Override
    Setup setup() {
        return embeddedOnANewJdk();
    }
}
