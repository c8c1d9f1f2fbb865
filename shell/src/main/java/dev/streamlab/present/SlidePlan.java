package dev.streamlab.present;

import dev.streamlab.diagram.GroupView;
import dev.streamlab.diagram.View;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Hint;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.Prose;
import dev.streamlab.lesson.Span;
import dev.streamlab.lesson.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a lesson into slides of one idea each: a step's heading, its key sentence and its cell, with the output the
 * rehearsal recorded beside or below the code, or the picture of the state it showed. The rest of the prose goes to
 * the speaker notes. A step with a long cell, a long output or several pictures becomes several slides.
 *
 * <p>The key sentence is what the author marked {@code [.slide]}, else the first sentence of the step's first
 * paragraph. A shown-only code block ({@code [source%norun,sql]}) and a picture ({@code image::}) get a slide each.
 */
final class SlidePlan {

    /** Prose words a slide may hold outside its notes (code, output and pictures are not prose). */
    static final int MAX_WORDS = 45;
    /** A first sentence longer than this stays in the notes: the heading and the cell say enough. */
    static final int KEY_WORDS = 32;

    static final int CODE_LINES = 17;
    static final int SIDE_LINES = 13;
    /** Characters of code or output a column holds beside another; code wraps, output is cut (deck.css: 18px mono). */
    static final int SIDE_WIDTH = 44;

    static final int STACKED_LINES = 15;
    static final int OUTPUT_LINES = 13;
    /** A result on a slide of its own has the room of a whole slide: a query's table of ten rows fits whole. */
    static final int RESULT_LINES = 18;

    static final int LINE_WIDTH = 90;
    static final int PICTURES_PER_SLIDE = 2;
    /** A group table is a few short lines: four share a slide. */
    static final int GROUP_TABLES_PER_SLIDE = 4;

    /** What a slide holds, in order. */
    sealed interface Element permits Code, Output, Picture, Image {}

    record Code(String code, String language, boolean command) implements Element {}

    record Output(String text) implements Element {}

    record Picture(View view) implements Element {}

    /** A picture file next to the lesson, such as the talk's "before / streaming first". */
    record Image(String file, String description) implements Element {}

    /**
     * @param sideBySide the first two elements (code and its output) stand side by side
     * @param problem what went wrong when the rehearsal ran this slide's cell, or null
     */
    record Slide(
            String heading,
            List<Prose> text,
            List<Element> body,
            boolean sideBySide,
            List<Prose> notes,
            boolean title,
            String problem) {

        Slide {
            text = List.copyOf(text);
            body = List.copyOf(body);
            notes = List.copyOf(notes);
        }

        int words() {
            return Html.words(text) + (heading == null ? 0 : heading.split("\\s+").length);
        }

        boolean hasPicture() {
            return body.stream().anyMatch(e -> e instanceof Picture || e instanceof Image);
        }
    }

    private SlidePlan() {}

    static List<Slide> of(Lesson lesson, Recording recording) {
        List<Slide> slides = new ArrayList<>();
        List<Prose> titleNotes = new ArrayList<>();
        if (!recording.rehearsed()) {
            titleNotes.add(paragraph("This deck shows code only: " + recording.missing()));
        }
        slides.add(new Slide(lesson.title(), List.of(), List.of(), false, titleNotes, true, null));
        String heading = lesson.title();
        for (Step step : lesson.steps()) {
            List<List<Prose>> segments = segments(step.prose());
            for (int k = 0; k < segments.size(); k++) {
                List<Prose> segment = segments.get(k);
                if (!segment.isEmpty() && segment.get(0).kind() == Prose.Kind.HEADING) {
                    heading = segment.get(0).plainText();
                }
                boolean last = k == segments.size() - 1;
                Cell cell = last ? step.cell() : null;
                List<Prose> speakerNotes = last ? speakerNotes(step) : List.of();
                List<Slide> made = segmentSlides(heading, segment, cell, speakerNotes, recording);
                boolean aside = cell == null
                        && made.size() == 1
                        && made.get(0).text().isEmpty()
                        && made.get(0).body().isEmpty()
                        && (segment.isEmpty() || segment.get(0).kind() != Prose.Kind.HEADING);
                if (aside && slides.size() > 1) {
                    // A remark after a cell (a NOTE) with nothing for a slide: the presenter says it over the cell's
                    // slide.
                    Slide previous = slides.remove(slides.size() - 1);
                    slides.add(withNotes(previous, List.of(), made.get(0).notes()));
                } else {
                    slides.addAll(made);
                }
            }
        }
        return slides;
    }

    /** A step's prose cut at each heading: a section without a cell still gets a slide. */
    private static List<List<Prose>> segments(List<Prose> prose) {
        List<List<Prose>> segments = new ArrayList<>();
        List<Prose> current = new ArrayList<>();
        for (Prose block : prose) {
            if (block.kind() == Prose.Kind.HEADING && !current.isEmpty()) {
                segments.add(current);
                current = new ArrayList<>();
            }
            current.add(block);
        }
        segments.add(current);
        return segments;
    }

    private static List<Prose> speakerNotes(Step step) {
        List<Prose> notes = new ArrayList<>(step.notes());
        if (step.hasCell()) {
            for (Hint hint : step.cell().hints()) {
                notes.add(paragraph("If someone asks (a hint in the lesson):"));
                notes.addAll(hint.prose());
            }
        }
        return notes;
    }

    private static List<Slide> segmentSlides(
            String heading, List<Prose> segment, Cell cell, List<Prose> speakerNotes, Recording recording) {
        List<Prose> body =
                segment.stream().filter(p -> p.kind() != Prose.Kind.HEADING).toList();
        List<Prose> proseNotes = body.stream()
                .filter(p -> p.kind() != Prose.Kind.CODE && p.kind() != Prose.Kind.PICTURE)
                .toList();
        List<Prose> key = key(body);
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Prose block = body.get(i);
            List<Element> shown = block.kind() == Prose.Kind.CODE
                    ? split(block.plainText()).stream()
                            .map(part -> (Element) new Code(part, block.label(), false))
                            .toList()
                    : block.kind() == Prose.Kind.PICTURE
                            ? List.of(new Image(block.label(), block.plainText()))
                            : List.of();
            for (int part = 0; part < shown.size(); part++) {
                List<Prose> caption = part == 0 && i > 0 && body.get(i - 1).kind() == Prose.Kind.PARAGRAPH
                        ? firstSentence(body.get(i - 1))
                        : List.of();
                slides.add(new Slide(
                        part == 0 ? heading : heading + " (continued)",
                        caption,
                        List.of(shown.get(part)),
                        false,
                        List.of(),
                        false,
                        null));
            }
        }
        int cellStart = slides.size();
        if (cell != null) {
            slides.addAll(cellSlides(heading, key, cell, recording));
        } else if (slides.isEmpty()) {
            slides.add(new Slide(heading, withList(heading, key, body), List.of(), false, List.of(), false, null));
        }
        // The whole prose goes with the segment's first slide, the speaker's own notes with the cell's.
        Slide first = slides.get(0);
        slides.set(0, withNotes(first, proseNotes, cell == null ? speakerNotes : List.of()));
        if (cell != null) {
            slides.set(cellStart, withNotes(slides.get(cellStart), List.of(), speakerNotes));
        }
        return slides;
    }

    private static Slide withNotes(Slide slide, List<Prose> before, List<Prose> after) {
        List<Prose> notes = new ArrayList<>(before);
        notes.addAll(slide.notes());
        notes.addAll(after);
        return new Slide(
                slide.heading(), slide.text(), slide.body(), slide.sideBySide(), notes, slide.title(), slide.problem());
    }

    private static List<Slide> cellSlides(String heading, List<Prose> key, Cell cell, Recording recording) {
        boolean command = cell.kind() == Cell.Kind.COMMAND;
        String language = command ? "plaintext" : cell.kind() == Cell.Kind.SQL ? "sql" : "java";
        Recording.Shown shown = recording.of(cell).orElse(null);
        String problem =
                shown == null || shown.passed() ? null : "In the rehearsal this cell did not pass: " + shown.whyNot();
        List<View> views = shown == null ? List.of() : shown.views();
        String output = shown == null ? "" : trim(shown.output());
        List<String> codeParts = split(cell.code());
        List<Slide> slides = new ArrayList<>();
        String continued = heading + " (continued)";

        if (!views.isEmpty() && codeParts.size() == 1 && rows(cell.code(), LINE_WIDTH) <= 4) {
            List<Element> first = new ArrayList<>();
            first.add(new Code(cell.code(), language, command));
            first.addAll(pictures(views, 0));
            slides.add(new Slide(heading, key, first, false, List.of(), false, problem));
            for (int from = perSlide(views); from < views.size(); from += perSlide(views)) {
                slides.add(new Slide(continued, List.of(), pictures(views, from), false, List.of(), false, null));
            }
            return slides;
        }
        Code whole = new Code(cell.code(), language, command);
        if (views.isEmpty() && !output.isEmpty() && codeParts.size() == 1) {
            Output out = new Output(output);
            if (rows(cell.code(), SIDE_WIDTH) <= SIDE_LINES
                    && lines(output) <= SIDE_LINES
                    && width(output) <= SIDE_WIDTH) {
                return List.of(new Slide(heading, key, List.of(whole, out), true, List.of(), false, problem));
            }
            if (rows(cell.code(), LINE_WIDTH) + lines(output) <= STACKED_LINES) {
                return List.of(new Slide(heading, key, List.of(whole, out), false, List.of(), false, problem));
            }
        }
        for (int i = 0; i < codeParts.size(); i++) {
            slides.add(new Slide(
                    i == 0 ? heading : continued,
                    i == 0 ? key : List.of(),
                    List.of(new Code(codeParts.get(i), language, command)),
                    false,
                    List.of(),
                    false,
                    i == 0 ? problem : null));
        }
        if (!views.isEmpty()) {
            for (int from = 0; from < views.size(); from += perSlide(views)) {
                slides.add(new Slide(continued, List.of(), pictures(views, from), false, List.of(), false, null));
            }
        } else if (!output.isEmpty() && !onlyDeclarations(shown.output())) {
            slides.add(new Slide(
                    heading + ": the result",
                    List.of(),
                    List.of(new Output(trim(shown.output(), RESULT_LINES))),
                    false,
                    List.of(),
                    false,
                    null));
        }
        return slides;
    }

    private static int perSlide(List<View> views) {
        return views.stream().allMatch(GroupView.class::isInstance) ? GROUP_TABLES_PER_SLIDE : PICTURES_PER_SLIDE;
    }

    private static List<Element> pictures(List<View> views, int from) {
        return views.subList(from, Math.min(views.size(), from + perSlide(views))).stream()
                .map(v -> (Element) new Picture(v))
                .toList();
    }

    /** A slide of prose only (a recap) shows the section's list too: as many of its items as fit. */
    private static List<Prose> withList(String heading, List<Prose> key, List<Prose> body) {
        if (key.stream().anyMatch(Prose::onSlide)) {
            return key;
        }
        List<Prose> shown = new ArrayList<>(key);
        body.stream().filter(p -> p.kind() == Prose.Kind.LIST).findFirst().ifPresent(list -> {
            List<List<Span>> items = new ArrayList<>();
            for (List<Span> item : list.lines()) {
                items.add(item);
                List<Prose> tried = new ArrayList<>(shown);
                tried.add(new Prose(Prose.Kind.LIST, 0, list.label(), items));
                if (new Slide(heading, tried, List.of(), false, List.of(), false, null).words() > MAX_WORDS) {
                    items.remove(items.size() - 1);
                    break;
                }
            }
            if (!items.isEmpty()) {
                shown.add(new Prose(Prose.Kind.LIST, 0, list.label(), items));
            }
        });
        return shown;
    }

    /** The author's {@code [.slide]} blocks, else the first sentence of the first paragraph, if it is short. */
    static List<Prose> key(List<Prose> body) {
        List<Prose> marked = body.stream()
                .filter(Prose::onSlide)
                .filter(p -> p.kind() != Prose.Kind.CODE && p.kind() != Prose.Kind.PICTURE)
                .toList();
        if (!marked.isEmpty()) {
            List<Prose> kept = new ArrayList<>();
            for (Prose block : marked) {
                if (Html.words(kept) + Html.words(List.of(block)) > KEY_WORDS) {
                    break; // the rest stays in the notes, which hold the whole prose
                }
                kept.add(block);
            }
            return kept.isEmpty() && marked.get(0).kind() == Prose.Kind.PARAGRAPH ? firstSentence(marked.get(0)) : kept;
        }
        return body.stream()
                .filter(p -> p.kind() == Prose.Kind.PARAGRAPH)
                .findFirst()
                .map(SlidePlan::firstSentence)
                .orElse(List.of());
    }

    static List<Prose> firstSentence(Prose paragraph) {
        List<Span> spans = paragraph.lines().get(0);
        StringBuilder plain = new StringBuilder();
        StringBuilder inCode = new StringBuilder();
        for (Span span : spans) {
            plain.append(span.text());
            inCode.append((span.style() == Span.Style.CODE ? "c" : " ")
                    .repeat(span.text().length()));
        }
        int end = plain.length();
        for (int i = 0; i + 1 < plain.length(); i++) {
            char c = plain.charAt(i);
            if ((c == '.' || c == '!' || c == '?')
                    && inCode.charAt(i) != 'c'
                    && Character.isWhitespace(plain.charAt(i + 1))) {
                end = i + 1;
                break;
            }
        }
        List<Span> kept = new ArrayList<>();
        int at = 0;
        for (Span span : spans) {
            if (at >= end) {
                break;
            }
            String text = span.text();
            kept.add(at + text.length() <= end ? span : new Span(span.style(), text.substring(0, end - at)));
            at += text.length();
        }
        Prose sentence = new Prose(Prose.Kind.PARAGRAPH, 0, "", List.of(kept));
        return Html.words(List.of(sentence)) <= KEY_WORDS ? List.of(sentence) : List.of();
    }

    /** jshell's word on each declaration ("created variable x : int"): the learner's screen has it, a slide need not. */
    private static final java.util.regex.Pattern DECLARED = java.util.regex.Pattern.compile(
            "\\s*(update )?(created|modified|replaced|overwrote|updated) (variable|method|class|interface|enum|record)\\b.*");

    private static final int HEAD_LINES = 4;

    /** Output that only says what was declared does not earn a slide of its own. */
    static boolean onlyDeclarations(String output) {
        return output.lines().allMatch(l -> DECLARED.matcher(l).matches());
    }

    /**
     * The output as it fits on a slide: without jshell's declaration lines (unless that is all there is), at most
     * {@link #OUTPUT_LINES} lines (the first few and the last ones: the end is the conclusion), each cut at
     * {@link #LINE_WIDTH}.
     */
    static String trim(String output) {
        return trim(output, OUTPUT_LINES);
    }

    static String trim(String output, int most) {
        List<String> all = output.stripTrailing().lines().toList();
        List<String> lines =
                all.stream().filter(l -> !DECLARED.matcher(l).matches()).toList();
        if (lines.isEmpty()) {
            lines = all;
        }
        lines = lines.stream()
                .map(l -> l.length() > LINE_WIDTH ? l.substring(0, LINE_WIDTH - 1) + "…" : l)
                .toList();
        if (lines.size() > most) {
            int tail = most - HEAD_LINES - 1;
            int more = lines.size() - HEAD_LINES - tail;
            List<String> kept = new ArrayList<>(lines.subList(0, HEAD_LINES));
            kept.add("… (" + more + " more lines)");
            kept.addAll(lines.subList(lines.size() - tail, lines.size()));
            lines = kept;
        }
        return String.join("\n", lines);
    }

    /** Code longer than a slide, cut at blank lines where it can be. */
    static List<String> split(String code) {
        List<String> lines = code.lines().toList();
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (rows(String.join("\n", lines.subList(from, lines.size())), LINE_WIDTH) > CODE_LINES) {
            int fit = from;
            while (fit < lines.size()
                    && rows(String.join("\n", lines.subList(from, fit + 1)), LINE_WIDTH) <= CODE_LINES) {
                fit++;
            }
            int cut = Math.max(from + 1, fit);
            for (int i = cut; i > from + (cut - from) / 2; i--) {
                if (lines.get(i - 1).isBlank()) {
                    cut = i;
                    break;
                }
            }
            parts.add(String.join("\n", lines.subList(from, cut)).stripTrailing());
            from = cut;
        }
        parts.add(String.join("\n", lines.subList(from, lines.size())));
        return parts;
    }

    static int lines(String text) {
        return text.isEmpty() ? 0 : (int) text.lines().count();
    }

    /** How many rows code takes when its long lines wrap at {@code width} characters. */
    static int rows(String code, int width) {
        return code.lines()
                .mapToInt(l -> Math.max(1, (l.length() + width - 1) / width))
                .sum();
    }

    static int width(String text) {
        return text.lines().mapToInt(String::length).max().orElse(0);
    }

    private static Prose paragraph(String text) {
        return new Prose(Prose.Kind.PARAGRAPH, 0, "", List.of(List.of(Span.plain(text))));
    }
}
