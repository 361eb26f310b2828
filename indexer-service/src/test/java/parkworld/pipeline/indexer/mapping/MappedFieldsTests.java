package parkworld.pipeline.indexer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.ContractSamples;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MappedFieldsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void keepsOnlyWhatTheMappingDeclaresAtEveryLevel() {
        // As the indexer does: the event as this build's record reads it (unknown fields already gone), restricted.
        byte[] event = EventJson.write(EventJson.read(
                ContractSamples.of(EventType.ARTICLE_EXTRACTED, ContractSamples.Shape.NEWER), ArticleExtracted.class));
        assertThat(JSON.readTree(event).has("organizations")).as("the record knows fields mapping v1 does not").isTrue();

        JsonNode restricted = JSON.readTree(MappedFields.V1.restrict(event));

        assertThat(restricted.has("sentiment") || restricted.has("investment") || restricted.has("organizations"))
            .as("top-level fields the mapping does not declare").isFalse();
        assertThat(restricted.path("issue").has("date")).isFalse();
        assertThat(restricted.path("issue").has("sha256")).isTrue();
        assertThat(restricted.path("amounts").get(0).has("kind")).isFalse();
        assertThat(restricted.path("places").get(0).has("county")).isFalse();
        assertThat(restricted.path("places").get(0).path("location").has("precision")).isFalse();
        assertThat(restricted.path("title").asString()).isEqualTo("总投资130亿元的储能电池头部企业鹏辉能源项目落户青岛城阳");
        assertThat(restricted.path("places").get(0).path("location").path("lat").asDouble()).isEqualTo(36.07);
    }

    @Test
    void keepsAmountsExact() {
        byte[] event = "{\"amounts\":[{\"value\":1080980000000.5,\"currency\":\"CNY\"}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(MappedFields.V1.restrict(event), StandardCharsets.UTF_8)).contains("1080980000000.5");
    }
}
