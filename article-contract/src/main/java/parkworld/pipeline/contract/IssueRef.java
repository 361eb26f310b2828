package parkworld.pipeline.contract;

/**
 * The issue an event belongs to, as printed on its cover.
 *
 * @param serial       the running issue number ({@code 总121期} gives 121)
 * @param year         the year of the issue
 * @param month        the month of the issue, 1-12
 * @param issueInMonth the number of the issue within its month ({@code 5月4期} gives 4)
 * @param title        the issue title as printed
 * @param sourceUrl    where the PDF was fetched from
 * @param sha256       the SHA-256 of the raw PDF, lowercase hex
 */
public record IssueRef(int serial, int year, int month, int issueInMonth, String title, String sourceUrl,
        String sha256) {
}
