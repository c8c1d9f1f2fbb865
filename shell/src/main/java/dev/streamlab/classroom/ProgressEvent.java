package dev.streamlab.classroom;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One thing a learner did, as published to the class topic ({@link #TOPIC}), keyed by the learner's name. Version 1
 * of the schema (docs/instructor.adoc, "The instructor's live view"):
 *
 * @param v        the schema version, 1
 * @param learner  the learner's name from the roster (the record's key too); nothing else personal is sent
 * @param session  a random id per shell start, so a learner who restarts is told apart from a duplicate
 * @param seq      0, 1, 2... within the session: a publisher's retry carries the same number, and the view keeps one
 * @param at       when it happened, epoch milliseconds on the learner's clock
 * @param type     {@code session-started}, {@code step-reached}, {@code cell-run}, {@code hint-asked},
 *                 {@code lesson-finished} or {@code lab-graded}
 * @param lesson   the lesson's id (a lab's id for {@code lab-graded}), or null
 * @param step     the step, from 1, or null
 * @param outcome  for {@code cell-run}: {@code passed}, {@code failed} or {@code did-not-compile}
 * @param expectation for a failed cell: the lesson's words of the first expectation that did not hold (never the
 *                 learner's code or output)
 * @param score    for {@code lab-graded}: the points
 * @param maxScore for {@code lab-graded}: the lab's points
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgressEvent(
        int v,
        String learner,
        String session,
        long seq,
        long at,
        String type,
        String lesson,
        Integer step,
        String outcome,
        String expectation,
        Integer score,
        Integer maxScore) {

    /** The topic every learner's events go to on a plain class server (no authentication: see {@link #topicOf}). */
    public static final String TOPIC = "streamlab-class-progress";
    /**
     * On a secure class cluster each learner writes to a topic of their own, {@code streamlab-progress.NAME}, which
     * {@code class create} makes and which only that learner (and the instructor) may write: Kafka's authorizer, not
     * the event's text, says whose an event is.
     */
    public static final String LEARNER_TOPIC_PREFIX = "streamlab-progress.";
    /** Every learner's own progress topic (roster names have no dot, so the name after the prefix is the owner). */
    public static final Pattern LEARNER_TOPICS =
            Pattern.compile(Pattern.quote(LEARNER_TOPIC_PREFIX) + "[a-z][a-z0-9_-]*");

    public static final int VERSION = 1;

    public static final String SESSION_STARTED = "session-started";
    public static final String STEP_REACHED = "step-reached";
    public static final String CELL_RUN = "cell-run";
    public static final String HINT_ASKED = "hint-asked";
    public static final String LESSON_FINISHED = "lesson-finished";
    public static final String LAB_GRADED = "lab-graded";

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String DID_NOT_COMPILE = "did-not-compile";

    private static final Set<String> TYPES =
            Set.of(SESSION_STARTED, STEP_REACHED, CELL_RUN, HINT_ASKED, LESSON_FINISHED, LAB_GRADED);
    private static final Set<String> OUTCOMES = Set.of(PASSED, FAILED, DID_NOT_COMPILE);
    /** A roster name: letters (any script), digits, spaces, dot, hyphen, underscore, apostrophe; 1 to 40. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._'-]{0,39}");

    private static final int LONGEST_TEXT = 200;

    /** The progress topic only {@code learner} may write on a secure class cluster. */
    public static String topicOf(String learner) {
        return LEARNER_TOPIC_PREFIX + learner;
    }

    /** The learner who alone may write {@code topic}, if it is a learner's progress topic. */
    public static java.util.Optional<String> ownerOf(String topic) {
        return topic != null && LEARNER_TOPICS.matcher(topic).matches()
                ? java.util.Optional.of(topic.substring(LEARNER_TOPIC_PREFIX.length()))
                : java.util.Optional.empty();
    }

    /** Whether a learner's name is one the class accepts (also checked on the command line, with a clear error). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.endsWith(" ");
    }

    /**
     * Why the view must not fold this event, or null when it may: another version, a record whose key is not its
     * learner, a type or outcome it does not know, a missing position, text too long. A learner's shell that
     * misbehaves (or is made to) cannot break the view.
     */
    public String problem(String key) {
        if (v != VERSION) {
            return "schema version " + v;
        }
        if (!isValidName(learner) || !learner.equals(key)) {
            return "the key is not the event's learner";
        }
        if (session == null || session.isBlank() || session.length() > 64 || seq < 0 || !TYPES.contains(type)) {
            return "no session, sequence or known type";
        }
        boolean needsPosition = type.equals(STEP_REACHED) || type.equals(CELL_RUN) || type.equals(HINT_ASKED);
        if ((needsPosition && (lesson == null || step == null || step < 1))
                || (lesson != null && lesson.length() > 64)) {
            return "no lesson or step";
        }
        if (type.equals(CELL_RUN) && !OUTCOMES.contains(outcome)) {
            return "an unknown outcome";
        }
        if (type.equals(LAB_GRADED)
                && (lesson == null || score == null || maxScore == null || score < 0 || maxScore < score)) {
            return "a lab score without a lab or points";
        }
        if (expectation != null && expectation.length() > LONGEST_TEXT) {
            return "an expectation text too long";
        }
        return null;
    }
}
