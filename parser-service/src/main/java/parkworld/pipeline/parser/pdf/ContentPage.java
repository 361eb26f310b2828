package parkworld.pipeline.parser.pdf;

import java.util.List;
import java.util.OptionalInt;

/**
 * A page without its running headers, footers and page number.
 *
 * @param number physical page number, starting at 1
 * @param printedNumber the page number printed on the page, if any
 * @param width page width in points
 * @param height page height in points
 * @param lines the remaining lines in content-stream order
 */
public record ContentPage(int number, OptionalInt printedNumber, float width, float height, List<TextLine> lines) {

    public ContentPage {
        lines = List.copyOf(lines);
    }

    /** The printed page number, or the physical one when none is printed. */
    public int displayNumber() {
        return this.printedNumber.orElse(this.number);
    }
}
