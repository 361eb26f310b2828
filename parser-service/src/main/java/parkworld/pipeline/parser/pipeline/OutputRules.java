package parkworld.pipeline.parser.pipeline;

/**
 * What the parser checks before it publishes an issue.
 *
 * @param maxInvalidShare share of an issue's articles (0 to 1) that may be left out for breaking their schema;
 *                        more, and the issue is rejected as {@code INVALID_OUTPUT}
 * @param maxRecordBytes  largest record the parser may send (value, key and headers); a larger event rejects the
 *                        issue as {@code EVENT_TOO_LARGE}
 */
public record OutputRules(double maxInvalidShare, long maxRecordBytes) {

    /** The service's defaults: 10% of the articles, just under Kafka's default 1 MiB {@code max.request.size}. */
    public static final OutputRules DEFAULTS = new OutputRules(0.1, 1_000_000);

    public OutputRules {
        if (!(maxInvalidShare >= 0 && maxInvalidShare <= 1)) {
            throw new IllegalArgumentException("maxInvalidShare must be between 0 and 1 but was " + maxInvalidShare);
        }
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("maxRecordBytes must be positive but was " + maxRecordBytes);
        }
    }
}
