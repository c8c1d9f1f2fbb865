package dev.streamlab.classroom;

import dev.streamlab.cluster.ClusterException;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SecurityDisabledException;

/**
 * Kafka Admin calls of the instructor's side, awaited within a deadline, and their failures as one sentence for the
 * instructor: which cluster, which settings file, what to do.
 */
final class AdminCalls {

    private static final long TIMEOUT_SECONDS = 30;

    private final String bootstrapServers;
    private final String configName;

    AdminCalls(String bootstrapServers, String configName) {
        this.bootstrapServers = bootstrapServers;
        this.configName = configName;
    }

    /** Waits for a Kafka future, turning its failure into a sentence for the instructor. */
    <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while talking to " + bootstrapServers + ".", e);
        } catch (TimeoutException e) {
            throw new ClusterException(
                    "The cluster at " + bootstrapServers + " did not answer within " + TIMEOUT_SECONDS
                            + " s. Check the address and the settings in " + configName + ".",
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SaslAuthenticationException) {
                throw new ClusterException(
                        "The cluster at " + bootstrapServers + " refused the credentials in " + configName
                                + " (wrong user or password). Use the admin settings of that cluster"
                                + " ('streamlab cluster up --secure' writes them).",
                        cause);
            }
            if (cause instanceof SecurityDisabledException || cause instanceof AuthorizationException) {
                throw new ClusterException(explain(cause) + ".", cause);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new ClusterException(explain(cause) + ".", cause);
        }
    }

    /** What went wrong, as the part of a sentence after "The class was not created: ". */
    String explain(Throwable e) {
        Throwable root = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (root instanceof ClusterException c) {
            return stripPeriod(c.getMessage());
        }
        if (root instanceof SecurityDisabledException) {
            return "the cluster at " + bootstrapServers + " has no authorizer, so ACLs cannot keep learners apart"
                    + " (start it with authorizer.class.name="
                    + "org.apache.kafka.metadata.authorizer.StandardAuthorizer,"
                    + " as 'streamlab cluster up --secure' does)";
        }
        if (root instanceof AuthorizationException) {
            return lacksRights();
        }
        if (root instanceof IOException io) {
            return "a join file could not be written (" + io.getMessage() + ")";
        }
        return root.getClass().getSimpleName() + ": " + stripPeriod(String.valueOf(root.getMessage()));
    }

    String lacksRights() {
        return "the user in " + configName + " may not create credentials, ACLs and quotas on " + bootstrapServers
                + " (it needs ALTER and ALTER_CONFIGS on the cluster). Use a super user's settings (one named in the brokers' super.users)"
                + " as --command-config";
    }

    private static String stripPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
