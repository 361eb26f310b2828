package parkworld.pipeline.ops.deadletters;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import parkworld.pipeline.contract.DeadLetterHeaders;
import tools.jackson.databind.json.JsonMapper;

/** How {@code list} prints a dead letter: one aligned line of text, or one JSON object. */
final class DeadLetterFormat {

    private static final String TEXT_LINE = "%-10s %-24s %-18s %-15s %-34s %-22s %s";

    static final String TEXT_HEADER = String.format(TEXT_LINE, "DLQ@OFFSET", "FAILED AT", "REASON", "SERVICE",
            "ORIGINAL TOPIC-PARTITION@OFFSET", "SUBJECT", "MESSAGE");

    /**
     * {@code parkworld_dlq_failed_at} in the text: always 24 characters, UTC to the millisecond. The services write
     * {@code Instant.toString()}, which is as long as the clock is precise (no fraction, micro- or nanoseconds): as
     * written, a line's later columns moved with it.
     */
    private static final DateTimeFormatter FAILED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeadLetterFormat() {
    }

    /** Position, time, reason, service, original record, issue key or article id, message. */
    static String text(DeadLetter deadLetter) {
        return String.format(TEXT_LINE, deadLetter.partition() + "@" + deadLetter.offset(),
                failedAt(deadLetter.failedAt()), deadLetter.reason(), deadLetter.service(), deadLetter.originalPosition(),
                deadLetter.subject(), deadLetter.message());
    }

    /** An ISO-8601 instant at {@link #FAILED_AT}'s fixed width; anything else (a dash, garbage) as it is. */
    static String failedAt(String header) {
        try {
            return FAILED_AT.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(header, Instant::from));
        }
        catch (DateTimeParseException ex) {
            return header;
        }
    }

    /** The same facts as {@link #text}, as JSON; absent headers are {@code null}, the time as the header has it. */
    static String json(DeadLetter deadLetter) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("topic", deadLetter.topic());
        fields.put("partition", deadLetter.partition());
        fields.put("offset", deadLetter.offset());
        fields.put("failedAt", deadLetter.header(DeadLetterHeaders.FAILED_AT).orElse(null));
        fields.put("reason", deadLetter.header(DeadLetterHeaders.REASON).orElse(null));
        fields.put("service", deadLetter.header(DeadLetterHeaders.SERVICE).orElse(null));
        fields.put("originalTopic", deadLetter.originalTopic().orElse(null));
        fields.put("originalPartition", deadLetter.originalPartition().orElse(null));
        fields.put("originalOffset", deadLetter.originalOffset().orElse(null));
        fields.put("subject", deadLetter.subject());
        fields.put("message", deadLetter.message());
        fields.put("valueBytes", deadLetter.value() == null ? 0 : deadLetter.value().length);
        return JSON.writeValueAsString(fields);
    }

    /** {@code NOT_PDF 2, TIMEOUT 1}: most frequent first. */
    static String countsPerReason(Map<String, Long> counts) {
        return counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    }
}
