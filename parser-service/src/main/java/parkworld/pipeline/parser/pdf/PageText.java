package parkworld.pipeline.parser.pdf;

import java.util.List;

/**
 * The text lines of one page in content-stream order.
 *
 * @param number physical page number, starting at 1
 * @param width page width in points (as displayed, i.e. after rotation)
 * @param height page height in points (as displayed, i.e. after rotation)
 * @param lines the non-blank lines of the page
 */
public record PageText(int number, float width, float height, List<TextLine> lines) {

    public PageText {
        lines = List.copyOf(lines);
    }
}
