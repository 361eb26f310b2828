package parkworld.pipeline.parser.pdf;

/**
 * Turns exceptions into short single-line descriptions for rejections and warnings, wherever the parser builds them:
 * the one place that makes text from a PDF or its errors safe for a log line.
 */
public final class Messages {

    private static final int MAX_LENGTH = 200;

    private Messages() {
    }

    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = (message == null || message.isBlank()) ? failure.getClass().getSimpleName()
                : message;
        return oneLine(text);
    }

    /** @return the text on one line, without control characters, at most 200 characters */
    public static String oneLine(String text) {
        // PDFBox's messages can quote the PDF (a font or resource name): no control characters in a log line
        String flat = ControlCharacterFilter.clean(text).replaceAll("\\s+", " ").strip();
        return (flat.length() <= MAX_LENGTH) ? flat : flat.substring(0, MAX_LENGTH - 1) + "…";
    }
}
