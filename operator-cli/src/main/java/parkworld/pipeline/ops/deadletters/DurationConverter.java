package parkworld.pipeline.ops.deadletters;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} (as the services' properties do) or ISO-8601 {@code PT30S}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        Matcher simple = SIMPLE.matcher(value.strip().toLowerCase(java.util.Locale.ROOT));
        Duration duration;
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            duration = switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        else {
            try {
                duration = Duration.parse(value.strip());
            }
            catch (java.time.format.DateTimeParseException ex) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration such as 500ms, 30s, 2m or PT30S");
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be longer than zero");
        }
        return duration;
    }
}
