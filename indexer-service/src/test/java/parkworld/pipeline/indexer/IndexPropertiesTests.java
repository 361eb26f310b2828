package parkworld.pipeline.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.indexer.mapping.TextAnalysis;

class IndexPropertiesTests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static List<String> violations(String alias, String name) {
        return VALIDATOR.validate(new IndexProperties(alias, name, TextAnalysis.SUBSTRINGS))
            .stream()
            .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
            .toList();
    }

    @Test
    void acceptsTheDefaults() {
        assertThat(violations("parkworld-articles", "parkworld-articles-v2")).isEmpty();
    }

    @Test
    void refusesAnAliasNamedLikeTheIndex() {
        assertThat(violations("parkworld-articles", "parkworld-articles"))
            .containsExactly("aliasDistinctFromName alias and name must differ: the alias points at the versioned index");
    }

    @Test
    void refusesNamesElasticsearchWouldRefuse() {
        assertThat(violations("Parkworld Articles", "parkworld-articles-v2")).singleElement()
            .asString()
            .startsWith("alias ");
    }
}
