package parkworld.pipeline.indexer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import parkworld.pipeline.indexer.mapping.TextAnalysis;

/**
 * Where and how articles are indexed. The service creates {@code name} with the mapping it ships
 * ({@code elasticsearch/articles-v2.json}, text analysed as {@code analysis} says) when it is missing and writes to it
 * directly; readers (Kibana) read through {@code alias}, which the service creates pointing at {@code name} only when
 * it does not exist yet. A new mapping version (or another {@code analysis}) is rolled out as a new index, filled
 * while readers stay on the old one, then the alias is moved by the operator.
 *
 * @param alias    the alias readers use
 * @param name     the concrete index of this mapping version, the one written to
 * @param analysis how the text fields are analysed: {@code substrings} works on any cluster; {@code smartcn} and
 *                 {@code ik} need that analysis plugin on every node. Fixed when the index is created: changing it
 *                 means a new {@code name}
 */
@Validated
@ConfigurationProperties("parkworld.indexer.index")
public record IndexProperties(
        @NotBlank @Pattern(regexp = IndexProperties.INDEX_NAME) @DefaultValue("parkworld-articles") String alias,
        @NotBlank @Pattern(regexp = IndexProperties.INDEX_NAME) @DefaultValue("parkworld-articles-v2") String name,
        @NotNull @DefaultValue("substrings") TextAnalysis analysis) {

    /** Lowercase, no spaces or special characters: what Elasticsearch accepts as an index or alias name. */
    static final String INDEX_NAME = "[a-z0-9][a-z0-9._-]{0,254}";

    @AssertTrue(message = "alias and name must differ: the alias points at the versioned index")
    boolean isAliasDistinctFromName() {
        return this.alias == null || !this.alias.equals(this.name);
    }
}
