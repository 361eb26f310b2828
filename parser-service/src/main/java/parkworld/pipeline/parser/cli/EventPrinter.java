package parkworld.pipeline.parser.cli;

import java.io.PrintStream;
import parkworld.pipeline.contract.EventJson;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events as {@link EventJson} produces them, one per line, so the output is byte for byte what the service
 * publishes; or indented for people, re-formatting that same JSON without changing a value.
 */
final class EventPrinter {

    // Reads the compact JSON back as a tree only to indent it: decimals stay exact and plain.
    private static final JsonMapper INDENTER = JsonMapper.builder()
        .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    private final boolean pretty;

    EventPrinter(boolean pretty) {
        this.pretty = pretty;
    }

    void print(Object event, PrintStream to) {
        byte[] json = EventJson.write(event);
        if (this.pretty) {
            json = INDENTER.writeValueAsBytes(INDENTER.readTree(json));
        }
        // raw bytes: Jackson already wrote UTF-8, whatever the stream's charset
        to.write(json, 0, json.length);
        to.write('\n');
    }
}
