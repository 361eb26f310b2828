package parkworld.pipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parkworld.pipeline.contract.ContractSamples.Shape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a consumer relies on when a producer moves to a newer minor version: the schema still accepts the event, the
 * records still read it, and unknown fields change nothing of what the consumer sees. The schemas still catch every
 * real violation.
 */
class ForwardCompatibilityTests {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaAcceptsANewerMinorVersionWithFieldsAddedAtEveryLevel(EventType type) {
        assertThat(type.violations(ContractSamples.of(type, Shape.NEWER))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaAcceptsThePreviousShape(EventType type) {
        assertThat(type.violations(ContractSamples.of(type, Shape.PREVIOUS))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordsReadEveryFieldTheyKnowFromANewerMinorVersionAndIgnoreTheRest(EventType type) {
        JsonNode newer = EventJson.MAPPER.readTree(ContractSamples.of(type, Shape.NEWER));
        JsonNode known = EventJson.MAPPER.readTree(
                EventJson.write(EventJson.read(ContractSamples.of(type, Shape.NEWER), type.recordType())));
        assertContains(newer, known, "");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordsReadThePreviousShapeWithoutLosingAField(EventType type) {
        JsonNode previous = EventJson.MAPPER.readTree(ContractSamples.of(type, Shape.PREVIOUS));
        JsonNode read = EventJson.MAPPER.readTree(
                EventJson.write(EventJson.read(ContractSamples.of(type, Shape.PREVIOUS), type.recordType())));
        assertContains(read, previous, "");
    }

    @org.junit.jupiter.api.Test
    void fieldsAddedIn020ReadAsAbsentFromEventsOfEarlierProducers() {
        ArticleExtracted article = EventJson.read(ContractSamples.of(EventType.ARTICLE_EXTRACTED, Shape.PREVIOUS),
                ArticleExtracted.class);
        assertThat(article.organizations()).isEmpty();
        assertThat(article.eventType()).isNull();
        assertThat(article.investment()).isNull();
        assertThat(article.issue().date()).isNull();
        IssueParsed parsed = EventJson.read(ContractSamples.of(EventType.ISSUE_PARSED, Shape.PREVIOUS),
                IssueParsed.class);
        assertThat(parsed.quality()).isNull();
    }

    @org.junit.jupiter.api.Test
    void warningsOmittedReadsAsNoneLeftOutFromEventsOfEarlierProducers() {
        IssueParsed parsed = EventJson.read(ContractSamples.of(EventType.ISSUE_PARSED, Shape.PREVIOUS),
                IssueParsed.class);
        assertThat(parsed.warningsOmitted()).isZero();
        assertThat(EventJson.MAPPER.readTree(EventJson.write(parsed)).get("warningsOmitted").asInt()).isZero();
    }

    /** Every field of {@code expected} is in {@code actual} with the same value, recursively. */
    private static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path).isTrue();
            expected.propertyNames().forEach(name -> {
                assertThat(actual.has(name)).as(path + "/" + name + " is missing").isTrue();
                assertContains(actual.get(name), expected.get(name), path + "/" + name);
            });
        }
        else if (expected.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "/" + i);
            }
        }
        else if (expected.isNumber() && actual.isNumber()) {
            assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
        }
        else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theNewerSampleReallyAddsFieldsAtTheTopLevelAndNested(EventType type) {
        JsonNode newer = EventJson.MAPPER.readTree(ContractSamples.of(type, Shape.NEWER));
        JsonNode written = EventJson.MAPPER.readTree(EventJson.write(
                EventJson.read(ContractSamples.of(type, Shape.NEWER), type.recordType())));
        assertThat(newer.size()).as("top-level fields").isGreaterThan(written.size());
        if (newer.has("issue")) {
            assertThat(newer.get("issue").size()).as("fields inside issue").isGreaterThan(written.get("issue").size());
        }
        if (newer.has("amounts")) {
            assertThat(newer.at("/amounts/0").size()).isGreaterThan(written.at("/amounts/0").size());
            assertThat(newer.at("/places/0").size()).isGreaterThan(written.at("/places/0").size());
            assertThat(newer.at("/places/0/location").size()).isGreaterThan(written.at("/places/0/location").size());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aMissingRequiredFieldIsStillAViolation(EventType type) {
        ObjectNode event = (ObjectNode) EventJson.MAPPER.readTree(ContractSamples.of(type, Shape.NEWER));
        event.remove("schemaVersion");
        assertThat(type.violations(bytes(event))).anySatisfy(v -> assertThat(v).contains("schemaVersion"));
    }

    @org.junit.jupiter.api.Test
    void everyRealViolationOfAnArticleIsStillReported() {
        assertViolation("/section", "\"\"", "section");
        assertViolation("/body", "\"\"", "body");
        assertViolation("/page", "\"five\"", "page");
        assertViolation("/eventDates/0", "\"2023-13-45\"", "eventDates");
        assertViolation("/parsedAt", "\"yesterday\"", "parsedAt");
        assertViolation("/amounts/0/currency", "\"元\"", "currency");
        assertViolation("/places/0/location/lat", "91", "lat");
        assertViolation("/issue/month", "13", "month");
        assertViolation("/body", "\"" + "长".repeat(200_001) + "\"", "body");
    }

    private static void assertViolation(String pointer, String json, String expected) {
        ObjectNode event = (ObjectNode) EventJson.MAPPER.readTree(
                ContractSamples.of(EventType.ARTICLE_EXTRACTED, Shape.NEWER));
        JsonNode parent = event.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode value = EventJson.MAPPER.readTree(json);
        if (parent.isArray()) {
            ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(field), value);
        }
        else {
            ((ObjectNode) parent).set(field, value);
        }
        assertThat(EventType.ARTICLE_EXTRACTED.violations(bytes(event))).as(pointer + " = " + abbreviated(json))
            .anySatisfy(v -> assertThat(v).contains(expected));
    }

    private static String abbreviated(String json) {
        return json.length() > 40 ? json.substring(0, 40) + "…" : json;
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
