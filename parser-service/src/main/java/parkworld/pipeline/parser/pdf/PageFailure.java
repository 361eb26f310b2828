package parkworld.pipeline.parser.pdf;

/**
 * A page whose text could not be extracted; the page was skipped.
 *
 * @param page physical page number, starting at 1
 * @param message one-line description of the problem
 */
public record PageFailure(int page, String message) {

    @Override
    public String toString() {
        return "page " + this.page + ": " + this.message;
    }
}
