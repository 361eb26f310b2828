package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuggestedSearchTests {

    @Test
    void suggestsABareWordSearchOnTheAlias() {
        assertThat(SuggestedSearch.curl("http://127.0.0.1:9200", "parkworld-articles"))
            .isEqualTo("curl -s -G 'http://127.0.0.1:9200/parkworld-articles/_search?pretty'"
                    + " --data-urlencode 'q=储能' --data-urlencode '_source=title,section,page,issue.serial,issue.date'");
    }

    @Test
    void leavesTheFieldsToTheIndexDefaultRatherThanOneTitleField() {
        // q=title:储能 searched only titles, and with the old per-character analysis matched 智能, 光能, 性能 too.
        assertThat(SuggestedSearch.parameters("储能")).containsEntry("q", "储能");
    }
}
