/**
 * A class on one shared cluster: a namespace per learner, enforced by the cluster. The instructor's side creates a
 * SCRAM credential and prefixed ACLs per learner and writes join files ({@link ClassAdmin}); the learner's side reads a
 * join file ({@link JoinFile}). The instructor's live view: learners' shells publish {@link ProgressEvent}s
 * ({@link ClassPublisher}), a Kafka Streams app folds them ({@link ProgressFold}) and serves a page ({@link ClassWatch}).
 * No terminal code: the commands in {@code cli} print what these return.
 */
package dev.streamlab.classroom;
