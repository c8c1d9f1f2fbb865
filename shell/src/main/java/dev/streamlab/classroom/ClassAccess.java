package dev.streamlab.classroom;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * Kafka's authorization and authentication errors, as one sentence a learner in a class understands: whose name they
 * reached for, and which names are theirs; and the class's limits (the brokers' topic policy, the learner's quotas)
 * when the learner ran into one. The cluster decided; this only words its answer.
 */
public final class ClassAccess {

    private ClassAccess() {}

    /** The sentence for {@code error} (or one of its causes), when it is Kafka refusing this learner; empty otherwise. */
    public static Optional<String> explain(Throwable error, String learner) {
        String prefix = Roster.prefix(learner);
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TopicAuthorizationException e) {
                Set<String> topics = e.unauthorizedTopics();
                String what = topics.isEmpty()
                        ? "that topic"
                        : "topic " + String.join(", ", topics.stream().sorted().toList());
                return Optional.of(refused(learner, what, prefix));
            }
            if (t instanceof GroupAuthorizationException e) {
                return Optional.of(
                        refused(learner, "consumer group " + (e.groupId() == null ? "" : e.groupId()), prefix));
            }
            if (t instanceof TransactionalIdAuthorizationException) {
                return Optional.of(refused(learner, "that transactional id", prefix));
            }
            if (t instanceof AuthorizationException) {
                return Optional.of("The class cluster refused this request (" + t.getMessage() + "): " + learner
                        + " may only use topics, groups and transactional ids that start with '" + prefix + "'.");
            }
            if (t instanceof SaslAuthenticationException) {
                return Optional.of(
                        "The class cluster refused " + learner + "'s password: the class may have been removed,"
                                + " or the join file was changed. Ask your instructor for a new join file.");
            }
            if (t instanceof PolicyViolationException) {
                return Optional.of(policy(t.getMessage()));
            }
            if (t instanceof ThrottlingQuotaExceededException) {
                return Optional.of(MUTATIONS);
            }
        }
        return Optional.empty();
    }

    private static final String MUTATIONS = "The class cluster holds back learners who create or delete partitions"
            + " quickly: wait a few seconds, then try again.";
    private static final String TIMEOUT =
            "Kafka did not answer in time. The class cluster slows down a learner who sends"
                    + " or reads many bytes a second, so that may be why: send less at once, or wait and try again.";

    private static String policy(String brokerSentence) {
        String said = brokerSentence == null ? "" : brokerSentence.strip();
        return said.isEmpty() ? "The class cluster refused this request: it is over one of the class's limits." : said;
    }

    private static final java.util.regex.Pattern REFUSAL = java.util.regex.Pattern.compile(
            "org\\.apache\\.kafka\\.common\\.errors\\.(Topic|Group|TransactionalId|Cluster)?AuthorizationException(?::\\s*(.*))?");
    private static final java.util.regex.Pattern TOPICS = java.util.regex.Pattern.compile("\\[([^\\]]*)\\]");
    private static final java.util.regex.Pattern GROUP = java.util.regex.Pattern.compile("group:?\\s*(\\S+)");

    /**
     * The sentence for an exception the learner's code threw in its own JVM, known here by its class and message, when
     * it is Kafka's authorizer refusing this learner; empty otherwise. It points to the helpers, which keep names in the
     * learner's namespace: for a Kafka Streams application, {@code streamsConfig(...)} and {@code topic(...)}.
     *
     * @param streams whether the refusal came out of Kafka Streams, to point to its helpers
     */
    public static Optional<String> explainThrown(Class<?> type, String message, String learner, boolean streams) {
        if (!AuthorizationException.class.isAssignableFrom(type)) {
            return Optional.empty();
        }
        String kind = TopicAuthorizationException.class.isAssignableFrom(type)
                ? "Topic"
                : GroupAuthorizationException.class.isAssignableFrom(type)
                        ? "Group"
                        : TransactionalIdAuthorizationException.class.isAssignableFrom(type)
                                ? "TransactionalId"
                                : ClusterAuthorizationException.class.isAssignableFrom(type) ? "Cluster" : "";
        return Optional.of(refusal(kind, message == null ? "" : message, learner, streams));
    }

    /**
     * The class cluster's limits, for an exception the learner's code threw in its own JVM: the brokers' own sentence
     * when their topic policy refused, a word on the class's quotas when partitions were made too fast or a request
     * timed out; empty otherwise.
     */
    public static Optional<String> explainLimit(Class<?> type, String message) {
        if (PolicyViolationException.class.isAssignableFrom(type)) {
            return Optional.of(policy(message));
        }
        if (ThrottlingQuotaExceededException.class.isAssignableFrom(type)) {
            return Optional.of(MUTATIONS);
        }
        return org.apache.kafka.common.errors.TimeoutException.class.isAssignableFrom(type)
                        || java.util.concurrent.TimeoutException.class.isAssignableFrom(type)
                ? Optional.of(TIMEOUT)
                : Optional.empty();
    }

    /**
     * The sentence for what the learner's code printed or logged (a Kafka Streams app's own threads log the refusal and
     * end; a Connect task's trace is text) that shows Kafka refusing this learner; empty when it does not. An exception
     * the code threw is read by {@link #explainThrown} instead.
     */
    public static Optional<String> explainOutput(String output, String learner) {
        java.util.regex.Matcher m = REFUSAL.matcher(output);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(refusal(
                m.group(1) == null ? "" : m.group(1),
                m.group(2) == null ? "" : m.group(2),
                learner,
                output.contains("org.apache.kafka.streams.")));
    }

    /** @param kind Topic, Group, TransactionalId, Cluster, or empty: what Kafka refused */
    private static String refusal(String kind, String message, String learner, boolean streams) {
        String what = switch (kind) {
            case "Topic" -> {
                java.util.regex.Matcher names = TOPICS.matcher(message);
                yield names.find() ? "topic " + names.group(1) : "that topic";
            }
            case "Group" -> {
                java.util.regex.Matcher group = GROUP.matcher(message);
                yield group.find() ? "consumer group " + group.group(1) : "that consumer group";
            }
            case "TransactionalId" -> "that transactional id";
            case "Cluster" -> "the cluster's settings";
            default -> "that";
        };
        String prefix = Roster.prefix(learner);
        String helpers = streams
                ? "; for Kafka Streams, streamsConfig(\"my-app\") puts the application id there (" + prefix
                        + "my-app) and topic(\"orders\") a topic's name (" + prefix + "orders)."
                : "; the helpers producer(), consumer() and admin() put your names there for you.";
        return refused(learner, what, prefix).replaceFirst("\\.$", helpers);
    }

    private static String refused(String learner, String what, String prefix) {
        return "Kafka's authorizer refused " + learner + " access to " + what.strip() + ": in this class " + learner
                + "'s names start with '" + prefix + "', and other names belong to classmates or to the cluster.";
    }
}
