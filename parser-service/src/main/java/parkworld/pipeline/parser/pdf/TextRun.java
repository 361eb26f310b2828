package parkworld.pipeline.parser.pdf;

/**
 * A piece of a line that PDFBox emitted as one word: text with no large horizontal gap inside.
 * Coordinates are in PDF points, measured from the left edge of the page.
 *
 * @param text the characters as extracted
 * @param x left edge of the first glyph
 * @param xEnd right edge of the last glyph
 */
public record TextRun(String text, float x, float xEnd) {
}
