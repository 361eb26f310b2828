package parkworld.pipeline.indexer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.ArticleExtracted;
import parkworld.pipeline.contract.ContractSamples;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.EventType;
import parkworld.pipeline.contract.MalformedEventException;
import parkworld.pipeline.indexer.TestArticles;

class EventDecoderTests {

    /** The article id both contract samples carry. */
    private static final String SAMPLE_ARTICLE_ID = "121-449319b7d5d3";

    final EventDecoder<ArticleExtracted> decoder = EventDecoder.articles();

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String validJson() {
        return new String(EventJson.write(TestArticles.article()), StandardCharsets.UTF_8);
    }

    @Test
    void decodesAValidEvent() {
        assertThat(this.decoder.decode(EventJson.write(TestArticles.article()))).isEqualTo(TestArticles.article());
    }

    @Test
    void decodesAnEventWithoutOptionalParts() {
        var bare = TestArticles.bareArticle("121-0a1b2c3d4e5f", TestArticles.PARSED_AT);

        assertThat(this.decoder.decode(EventJson.write(bare))).isEqualTo(bare);
    }

    @Test
    void decodesThePreviousShapeOfTheContract() {
        ArticleExtracted article = this.decoder.decode(ContractSamples.of(EventType.ARTICLE_EXTRACTED, ContractSamples.Shape.PREVIOUS));

        assertThat(article.articleId()).isEqualTo(SAMPLE_ARTICLE_ID);
        assertThat(article.issue().serial()).isEqualTo(121);
        assertThat(article.amounts()).singleElement()
            .satisfies(amount -> assertThat(amount.value()).isEqualByComparingTo(new BigDecimal("13000000000")));
        assertThat(article.places()).singleElement()
            .satisfies(place -> assertThat(place.location().lat()).isEqualTo(36.07));
    }

    @Test
    void decodesANewerMinorVersionAsIfItsUnknownFieldsWereAbsent() {
        ArticleExtracted newer = this.decoder.decode(ContractSamples.of(EventType.ARTICLE_EXTRACTED, ContractSamples.Shape.NEWER));

        // The newer sample is the 0.2.0 shape plus unknown fields at every level: the fields 0.2.0 added are read,
        // the unknown ones ignored, everything else reads exactly as the previous shape does.
        assertThat(newer).as("extra fields at the top level and inside issue, amounts[], places[] and location")
            .usingRecursiveComparison()
            .ignoringFields("organizations", "eventType", "investment", "issue.date")
            .isEqualTo(this.decoder.decode(ContractSamples.of(EventType.ARTICLE_EXTRACTED, ContractSamples.Shape.PREVIOUS)));
        assertThat(newer.organizations()).extracting(ArticleExtracted.Organization::name).containsExactly("鹏辉能源");
    }

    @Test
    void refusesAnEmptyPayload() {
        assertThatThrownBy(() -> this.decoder.decode(new byte[0])).isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("empty payload");
        assertThatThrownBy(() -> this.decoder.decode(null)).isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("empty payload");
    }

    @Test
    void refusesAPayloadThatIsNotJson() {
        assertThatThrownBy(() -> this.decoder.decode(utf8("<html>not an event</html>")))
            .isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("not JSON");
    }

    @Test
    void refusesTruncatedJson() {
        String json = validJson();

        assertThatThrownBy(() -> this.decoder.decode(utf8(json.substring(0, json.length() / 2))))
            .isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("ArticleExtracted");
    }

    @Test
    void refusesAnEventMissingAContractFieldAndNamesIt() {
        String renamed = validJson().replace("\"title\":\"欧普", "\"headline\":\"欧普");

        assertThatThrownBy(() -> this.decoder.decode(utf8(renamed))).isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("schema violations")
            .hasMessageContaining("title");
    }

    @Test
    void refusesAnEventWhoseFieldHasTheWrongType() {
        String wrongType = validJson().replace("\"page\":1", "\"page\":\"eins\"");

        assertThatThrownBy(() -> this.decoder.decode(utf8(wrongType))).isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("page");
    }

    @Test
    void refusesAnEventWithAnInvalidArticleId() {
        String badId = validJson().replace("121-0a1b2c3d4e5f", "not an id");

        assertThatThrownBy(() -> this.decoder.decode(utf8(badId))).isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("articleId");
    }
}
