package parkworld.pipeline.parser.pdf;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One visual line of text with its position. Coordinates are in PDF points with the origin at
 * the top-left corner of the page, so {@code y} grows downwards.
 *
 * @param text the runs joined by single spaces, trimmed
 * @param x left edge of the line
 * @param xEnd right edge of the line
 * @param y baseline of the line, measured from the top of the page
 * @param fontSize the font size (in points) used by most characters of the line
 * @param runs the runs in reading order; the last one is separate when a wide gap precedes it,
 *        which is how table-of-contents page numbers show up
 */
public record TextLine(String text, float x, float xEnd, float y, float fontSize, List<TextRun> runs) {

    public TextLine {
        runs = List.copyOf(runs);
    }

    /** A line made of runs, with {@link #text()} and horizontal extent derived from them. */
    public static TextLine of(List<TextRun> runs, float y, float fontSize) {
        String text = runs.stream().map(TextRun::text).collect(Collectors.joining(" ")).strip();
        return new TextLine(text, runs.get(0).x(), runs.get(runs.size() - 1).xEnd(), y, fontSize, runs);
    }

    /** A line made of a single run. */
    public static TextLine of(String text, float x, float xEnd, float y, float fontSize) {
        return of(List.of(new TextRun(text, x, xEnd)), y, fontSize);
    }
}
