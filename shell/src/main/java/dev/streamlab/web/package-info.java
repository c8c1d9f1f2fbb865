/**
 * The lessons as a notebook in the browser ({@code streamlab learn --web}): a front end like {@code console}. The same
 * {@code Notebook} and cluster run the cells; {@link WebSession} keeps the session's results, {@link WebNotebook}
 * serves the page on 127.0.0.1 behind a secret in its address, {@link CellJson} is the one translation of a cell's
 * result for the page.
 */
package dev.streamlab.web;
