package dev.streamlab.cluster;

/**
 * What a node is in its cluster, before it exists: its id, whether it is a broker (or the controller), and the
 * port on {@link Ports#LOOPBACK} where clients reach it (0 for the controller, which clients never reach).
 */
public record NodeSpec(int id, boolean broker, int hostPort) {}
