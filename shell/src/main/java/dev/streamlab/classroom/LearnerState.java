package dev.streamlab.classroom;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One learner as the view folded them, the value of the {@link ProgressFold#STORE} state store (JSON). Mutable, and only
 * ever changed by the fold's processor, one event at a time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class LearnerState {

    public String learner;
    /** The session of the newest event. */
    public String session;
    /** Where the learner is: lesson id and step (from 1), or null before the first step. */
    public String lesson;

    public int step;
    /** Since when (epoch ms, the learner's clock) they are on this step: the event that brought them there. */
    public long stepSince;
    /** On this step: failed runs of its cell, hints asked, and whether its cell has passed. */
    public int failures;

    public int hintsOnStep;
    public boolean passed;
    /** What the last failed run did not meet (the lesson's words), or null. */
    public String lastFailure;

    public int hints;
    public TreeSet<String> finished = new TreeSet<>();
    /** Lab id to "points/max", the newest grading of each. */
    public TreeMap<String, String> labs = new TreeMap<>();
    /** Newest event time seen. */
    public long lastSeen;
    /** Per session: the sequence numbers already folded (a window), so a re-sent event counts once. */
    public Map<String, SeqWindow> seen = new TreeMap<>();

    /**
     * The sequence numbers of one session already folded: every number below {@code below}, and the few above it
     * that came early. Late and out-of-order events are folded once; the window stays small.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SeqWindow {
        public long below;
        public TreeSet<Long> above = new TreeSet<>();

        /** Records {@code seq}; false when it was folded before. */
        boolean add(long seq) {
            if (seq < below || above.contains(seq)) {
                return false;
            }
            above.add(seq);
            while (above.remove(below)) {
                below++;
            }
            return true;
        }
    }
}
