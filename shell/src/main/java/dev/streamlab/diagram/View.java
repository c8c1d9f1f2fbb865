package dev.streamlab.diagram;

/**
 * The state a diagram shows, as plain values: what a front end draws for its own medium (the terminal's strip of
 * text, a slide's picture). A command's {@link Drawing} keeps the views it was drawn from.
 */
public sealed interface View permits LogView, TopicView, GroupView, QueueView, TopologyView {}
