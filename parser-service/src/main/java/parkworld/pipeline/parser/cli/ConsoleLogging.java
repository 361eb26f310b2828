package parkworld.pipeline.parser.cli;

/**
 * Logging for the command, set up before any logger exists. Without Spring Boot nobody configures Logback, and its
 * fallback logs DEBUG to stdout, which would interleave PDFBox chatter with the events.
 */
final class ConsoleLogging {

    private static final String CONFIG_PROPERTY = "logback.configurationFile";

    private static final String CONFIG = "parkworld/pipeline/parser/cli/logback-parse.xml";

    private ConsoleLogging() {
    }

    /** Library warnings and errors go to stderr; a configuration given with {@code -D} wins. */
    static void toStandardError() {
        if (System.getProperty(CONFIG_PROPERTY) == null) {
            System.setProperty(CONFIG_PROPERTY, CONFIG);
        }
    }
}
