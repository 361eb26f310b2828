package parkworld.pipeline.parser.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.convert.DurationStyle;

/**
 * The command line of {@code parse}, read into values.
 *
 * @param file      the PDF to parse, null with {@code --help}
 * @param maxPages  PDFs with more pages are rejected with {@code TOO_LARGE}
 * @param timeLimit a parse that takes longer is abandoned with {@code TIMEOUT}
 * @param pretty    indent the JSON for people instead of one line per event
 * @param help      print the usage and do nothing else
 */
record ParseOptions(Path file, int maxPages, Duration timeLimit, boolean pretty, boolean help) {

    static final String USAGE = """
            usage: java -jar parser-service.jar parse [options] FILE.pdf

            Parses one 园区周报 issue PDF without Kafka or a web server: prints one ArticleExtracted
            event per line on stdout and the IssueParsed summary (one line) on stderr.

            options:
              --max-pages N      reject PDFs with more than N pages (default %d)
              --time-limit D     give up after D, e.g. 30s, 2m, 500ms, PT2M (default %s)
              --pretty           indent the JSON for reading (jq still reads it)
              -h, --help         print this help

            exit status: 0 parsed, 1 unexpected failure, 2 usage error, 3 file not readable,
                         4 input rejected (reason on stderr), 5 time limit exceeded
            """;

    /**
     * Reads the arguments that follow {@code parse}; values not given keep the defaults.
     *
     * @throws UsageException when an option is unknown, a value is bad or the file is missing
     */
    static ParseOptions from(List<String> args, int defaultMaxPages, Duration defaultTimeLimit)
            throws UsageException {
        int maxPages = defaultMaxPages;
        Duration timeLimit = defaultTimeLimit;
        boolean pretty = false;
        List<String> files = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                files.add(arg);
                continue;
            }
            // --name=value and --name value are both accepted, as most tools do
            int equals = arg.indexOf('=');
            String name = (equals > 0) ? arg.substring(0, equals) : arg;
            String inlineValue = (equals > 0) ? arg.substring(equals + 1) : null;
            switch (name) {
                case "--" -> optionsEnded = true;
                case "-h", "--help" -> {
                    return new ParseOptions(null, maxPages, timeLimit, pretty, true);
                }
                case "--pretty" -> pretty = true;
                case "--max-pages" -> {
                    String value = (inlineValue != null) ? inlineValue : valueAfter(args, i++, name);
                    maxPages = positiveInt(name, value);
                }
                case "--time-limit" -> {
                    String value = (inlineValue != null) ? inlineValue : valueAfter(args, i++, name);
                    timeLimit = positiveDuration(name, value);
                }
                default -> throw new UsageException("unknown option " + arg);
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("missing FILE.pdf");
        }
        if (files.size() > 1) {
            throw new UsageException("expected one FILE.pdf but got " + files.size() + ": " + String.join(" ", files));
        }
        return new ParseOptions(Path.of(files.get(0)), maxPages, timeLimit, pretty, false);
    }

    private static String valueAfter(List<String> args, int index, String name) throws UsageException {
        if (index + 1 >= args.size()) {
            throw new UsageException(name + " needs a value");
        }
        return args.get(index + 1);
    }

    private static int positiveInt(String name, String value) throws UsageException {
        try {
            int number = Integer.parseInt(value.strip());
            if (number > 0) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // reported below, with the option's name
        }
        throw new UsageException(name + " must be a positive whole number but was '" + value + "'");
    }

    private static Duration positiveDuration(String name, String value) throws UsageException {
        try {
            // the same notation as parkworld.parser.time-limit in application.yml
            Duration duration = DurationStyle.detectAndParse(value.strip());
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        }
        catch (IllegalArgumentException ex) {
            // reported below, with the option's name
        }
        throw new UsageException(name + " must be a positive duration like 30s, 2m or PT2M but was '" + value + "'");
    }
}
