package parkworld.pipeline.ops.deadletters;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import parkworld.pipeline.contract.DeadLetterHeaders;
import tools.jackson.databind.json.JsonMapper;

/** How {@code list} prints a dead letter: one aligned line of text, or one JSON object. */
final class DeadLetterFormat {

    static final String TEXT_HEADER = String.format("%-10s %-27s %-18s %-15s %-34s %-22s %s", "DLQ@OFFSET", "FAILED AT",
            "REASON", "SERVICE", "ORIGINAL TOPIC-PARTITION@OFFSET", "SUBJECT", "MESSAGE");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeadLetterFormat() {
    }

    /** Position, time, reason, service, original record, issue key or article id, message. */
    static String text(DeadLetter deadLetter) {
        return String.format("%-10s %-27s %-18s %-15s %-34s %-22s %s", deadLetter.partition() + "@" + deadLetter.offset(),
                deadLetter.failedAt(), deadLetter.reason(), deadLetter.service(), deadLetter.originalPosition(),
                deadLetter.subject(), deadLetter.message());
    }

    /** The same facts as {@link #text}, as JSON; absent headers are {@code null}. */
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
