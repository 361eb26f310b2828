package parkworld.pipeline.parser.enrichment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;

/**
 * The year and month printed on an issue's cover ({@code 2023年5月4期} gives {@code IssueDate(2023, 5)}): the
 * reference that dates without a year ({@code 5月24日}) are resolved against.
 *
 * @param year  the issue's year, e.g. 2023
 * @param month the issue's month, 1-12
 */
public record IssueDate(int year, int month) {

    public IssueDate {
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("issue year out of range: " + year);
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("issue month must be 1-12 but was " + month);
        }
    }

    /**
     * The issue date from cover values as the parser reports them, where 0 means "not printed"; {@code null} when
     * either is missing. Without an issue date only dates that print their own year are resolved.
     */
    public static IssueDate fromCover(int year, int month) {
        return (year > 0 && month > 0) ? new IssueDate(year, month) : null;
    }

    /**
     * The date that puts the issue on a time axis ({@code IssueRef.date}) when the listing gave none: the latest
     * date its articles mention within the cover month (a weekly issue reports on the days before it appears), or
     * the last day of that month when none falls in it. Dates outside the month (a plan for next year, a date of
     * last year) say nothing about when the issue appeared.
     *
     * @param eventDates every event date of the issue's articles
     */
    public LocalDate timeAxisDate(Collection<LocalDate> eventDates) {
        YearMonth cover = YearMonth.of(this.year, this.month);
        return eventDates.stream()
            .filter(date -> YearMonth.from(date).equals(cover))
            .max(Comparator.naturalOrder())
            .orElse(cover.atEndOfMonth());
    }
}
