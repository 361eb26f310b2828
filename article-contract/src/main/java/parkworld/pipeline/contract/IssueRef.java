package parkworld.pipeline.contract;

import java.time.LocalDate;

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
 * @param date         the date to put the issue on a time axis: its publication date where the listing gives one,
 *                     otherwise the latest event date of the issue within its cover month, otherwise the last day of
 *                     that month; null in events of producers before 0.2.0
 */
public record IssueRef(int serial, int year, int month, int issueInMonth, String title, String sourceUrl,
        String sha256, LocalDate date) {

    /** An issue as producers before 0.2.0 described it: no date. */
    public IssueRef(int serial, int year, int month, int issueInMonth, String title, String sourceUrl,
            String sha256) {
        this(serial, year, month, issueInMonth, title, sourceUrl, sha256, null);
    }
}
