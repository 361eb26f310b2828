package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueDateTests {

    private final IssueDate may2023 = new IssueDate(2023, 5);

    @Test
    void putsTheIssueOnTheLatestDateItsArticlesMentionInTheCoverMonth() {
        assertThat(this.may2023.timeAxisDate(List.of(LocalDate.of(2023, 5, 24), LocalDate.of(2023, 5, 26),
                LocalDate.of(2023, 5, 19)))).isEqualTo(LocalDate.of(2023, 5, 26));
    }

    @Test
    void ignoresDatesOutsideTheCoverMonthSuchAsPlansAndAnniversaries() {
        assertThat(this.may2023.timeAxisDate(List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2023, 5, 10),
                LocalDate.of(2022, 5, 30)))).isEqualTo(LocalDate.of(2023, 5, 10));
    }

    @Test
    void fallsBackToTheLastDayOfTheCoverMonth() {
        assertThat(new IssueDate(2024, 2).timeAxisDate(List.of())).isEqualTo(LocalDate.of(2024, 2, 29));
    }
}
