/**
 * The learner's side of grading: the main class of the learner's JVM, which runs the learner's code and nothing else.
 * It holds no check, no seed, no expected answer and no results channel; it answers the checks' requests on its
 * standard input and output.
 */
package dev.streamlab.grading.host;
