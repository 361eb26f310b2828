package parkworld.pipeline.ingest.state;

import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of the state topic, keys and values (UTF-8 JSON). A candidate's key is its URL; the last runs are kept
 * under {@link #RUNS_KEY}, which is no URL. Each value says what it holds:
 * {@code {"formatVersion":1,"candidate":{...}}} or {@code {"formatVersion":1,"runs":[...]}}. Unknown fields are
 * ignored on read, so a later version may add some.
 */
public final class StateRecords {

    /** The format written; a reader skips (and logs) records of a higher version. */
    public static final int FORMAT_VERSION = 1;

    /** The key of the record holding the last runs, newest first. */
    public static final String RUNS_KEY = "parkworld:ingest:runs";

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private StateRecords() {
    }

    /** One value on the topic: exactly one of {@code candidate} and {@code runs} is set. */
    record Value(int formatVersion, CandidateState candidate, List<RunSummary> runs) {
    }

    public static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] candidate(CandidateState state) {
        return MAPPER.writeValueAsBytes(new Value(FORMAT_VERSION, state, null));
    }

    public static byte[] runs(List<RunSummary> runs) {
        return MAPPER.writeValueAsBytes(new Value(FORMAT_VERSION, null, runs));
    }

    /**
     * @throws IllegalArgumentException when the bytes are no state record this version understands
     */
    static Value read(byte[] value) {
        try {
            Value read = MAPPER.readValue(value, Value.class);
            if (read.formatVersion() < 1 || read.formatVersion() > FORMAT_VERSION) {
                throw new IllegalArgumentException("state record of format version " + read.formatVersion()
                        + ", this ingest-service reads up to " + FORMAT_VERSION);
            }
            if ((read.candidate() == null) == (read.runs() == null)) {
                throw new IllegalArgumentException("state record holds neither a candidate nor runs");
            }
            return read;
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("not a state record: " + ex.getOriginalMessage(), ex);
        }
    }
}
