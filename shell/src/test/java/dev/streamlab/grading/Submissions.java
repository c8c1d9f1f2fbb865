package dev.streamlab.grading;

import dev.streamlab.files.ProjectRoot;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The labs of this project and the deliberately wrong submissions kept in the test resources. */
final class Submissions {

    static final Path PROJECT = ProjectRoot.find();
    static final Path RESOURCES = PROJECT.resolve("shell/src/test/resources/grading");

    private Submissions() {}

    static Lab lab(String id) {
        return LabCatalog.ofProject(PROJECT).find(id).orElseThrow();
    }

    static Lab sandboxLab() {
        return Lab.load(RESOURCES.resolve("sandbox-lab/90-sandbox"));
    }

    static Path wrong(String labId, String name) {
        return RESOURCES.resolve("submissions").resolve(labId).resolve(name);
    }

    static Scorecard grade(Lab lab, Path submission) {
        return Grader.ofThisJvm(step -> {})
                .grade(lab, submission, new Grader.Options(false, OptionalLong.of(20261125L)));
    }
}
