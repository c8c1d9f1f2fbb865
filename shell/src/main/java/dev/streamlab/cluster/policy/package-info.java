/**
 * The limits a class's shared cluster puts on every topic, enforced by the brokers themselves: Kafka calls
 * {@link dev.streamlab.cluster.policy.ClassTopicPolicy} before it creates a topic and
 * {@link dev.streamlab.cluster.policy.ClassConfigPolicy} before it changes a topic's settings, and refuses the request
 * with a {@link org.apache.kafka.common.errors.PolicyViolationException} carrying the sentence they give. The classes
 * here run inside the broker (the controller), so they depend on Kafka's client API only.
 */
package dev.streamlab.cluster.policy;
