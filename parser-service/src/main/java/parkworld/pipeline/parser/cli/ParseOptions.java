package parkworld.pipeline.parser.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.convert.DurationStyle;
import parkworld.pipeline.parser.ParserProperties;
import parkworld.pipeline.parser.pipeline.IssuePipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line of {@code parse}, declared for picocli, which parses it, converts and checks the values and
 * generates {@code --help}. Defaults are the service's ({@link ParserProperties}), given to picocli as strings so
 * the help shows them as they are configured ({@code 2m}, not {@code PT2M}).
 */
@Command(name = "java -jar parser-service.jar parse", synopsisHeading = "usage: ", sortOptions = false,
        descriptionHeading = "%n",
        description = "Parses one 园区周报 issue PDF without Kafka or a web server, exactly as the service would: prints"
                + " one ArticleExtracted event per line on stdout and the IssueParsed summary (one line) on stderr."
                + " Articles that break their schema are left out as the service leaves them out; if too many are,"
                + " the issue is rejected as INVALID_OUTPUT.",
        usageHelpWidth = 100,
        parameterListHeading = "%n", optionListHeading = "options:%n",
        exitCodeListHeading = "%nexit status:%n",
        exitCodeList = { "0:parsed", "1:unexpected failure (a bug; stack trace on stderr)",
                "2:usage error", "3:file missing or not readable", "4:input rejected (reason code on stderr)",
                "5:time limit exceeded",
                "6:parsed, but degraded (events printed; summary quality.degradedReasons say why)" })
final class ParseOptions {

    @Parameters(index = "0", arity = "1", paramLabel = "FILE.pdf", description = "the issue PDF to parse")
    private Path file;

    @Option(names = "--max-pages", paramLabel = "N", converter = PositiveInt.class,
            description = "reject PDFs with more than N pages (default ${DEFAULT-VALUE})")
    private int maxPages;

    @Option(names = "--time-limit", paramLabel = "D", converter = PositiveDuration.class,
            description = "give up after D (parsing, enrichment and checks), e.g. 30s, 2m, 500ms, PT2M"
                    + " (default ${DEFAULT-VALUE})")
    private Duration timeLimit;

    @Option(names = "--pretty", description = "indent the JSON for reading (jq still reads it)")
    private boolean pretty;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "print this help")
    private boolean help;

    private ParseOptions() {
    }

    /** A command line for these options, with the service's defaults. */
    static CommandLine commandLine(ParserProperties defaults) {
        CommandLine commandLine = new CommandLine(new ParseOptions());
        commandLine.setDefaultValueProvider(argument -> defaultOf(argument, defaults));
        return commandLine;
    }

    /**
     * Parses the arguments that follow {@code parse}.
     *
     * @throws CommandLine.ParameterException when an option is unknown, a value is bad or the file is missing
     */
    static ParseOptions from(List<String> args, ParserProperties defaults) {
        CommandLine commandLine = commandLine(defaults);
        commandLine.parseArgs(args.toArray(String[]::new));
        return commandLine.getCommand();
    }

    private static String defaultOf(ArgSpec argument, ParserProperties defaults) {
        if (argument instanceof OptionSpec option) {
            return switch (option.longestName()) {
                case "--max-pages" -> Integer.toString(defaults.maxPages());
                case "--time-limit" -> IssuePipeline.human(defaults.timeLimit());
                default -> null;
            };
        }
        return null;
    }

    Path file() {
        return this.file;
    }

    int maxPages() {
        return this.maxPages;
    }

    Duration timeLimit() {
        return this.timeLimit;
    }

    boolean pretty() {
        return this.pretty;
    }

    boolean help() {
        return this.help;
    }

    static final class PositiveInt implements CommandLine.ITypeConverter<Integer> {

        @Override
        public Integer convert(String value) {
            try {
                int number = Integer.parseInt(value.strip());
                if (number > 0) {
                    return number;
                }
            }
            catch (NumberFormatException ex) {
                // reported below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a positive whole number");
        }
    }

    /** The notation of {@code parkworld.parser.time-limit} in application.yml. */
    static final class PositiveDuration implements CommandLine.ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            try {
                Duration duration = DurationStyle.detectAndParse(value.strip());
                if (!duration.isNegative() && !duration.isZero()) {
                    return duration;
                }
            }
            catch (IllegalArgumentException ex) {
                // reported below
            }
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a positive duration like 30s, 2m or PT2M");
        }
    }
}
