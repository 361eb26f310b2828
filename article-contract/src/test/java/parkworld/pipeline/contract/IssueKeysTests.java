package parkworld.pipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IssueKeysTests {

    @ParameterizedTest
    @CsvSource({ "issue-121.pdf, issue-121", "Issue_121.PDF, issue_121", "园区周报 121.pdf, 121",
            "2023年5月4期.pdf, 2023-5-4", "weekly report.v2.pdf, weekly-report.v2" })
    void derivesKeyFromFileName(String fileName, String key) {
        assertThat(IssueKeys.fromFileName(fileName)).contains(key);
    }

    @ParameterizedTest
    @CsvSource({ "园区周报.pdf", ".pdf", "---.pdf" })
    void hasNoKeyForNamesWithNothingUsable(String fileName) {
        assertThat(IssueKeys.fromFileName(fileName)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource("9f2c6a1e0b8d4f7a3c5e9b1d2f4a6c8e0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d, issue-9f2c6a1e0b8d")
    void fallsBackToTheHash(String sha256, String key) {
        assertThat(IssueKeys.fromHash(sha256)).isEqualTo(key);
    }

    @Test
    void keysASerialLikeTheFileNamedAfterIt() {
        assertThat(IssueKeys.fromSerial(153)).isEqualTo("issue-153")
            .isEqualTo(IssueKeys.fromFileName("issue-153.pdf").orElseThrow());
    }

    @Test
    void refusesASerialBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> IssueKeys.fromSerial(0));
    }
}
