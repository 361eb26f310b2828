package parkworld.pipeline.parser.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import parkworld.pipeline.parser.pdf.ContentPage;
import parkworld.pipeline.parser.pdf.IssueRejectedException;
import parkworld.pipeline.contract.DeadLetterReason;
import parkworld.pipeline.parser.pdf.TextLine;

/**
 * Reads the issue number from the cover: {@code 2023年5月4期} (year, month, issue in month) and
 * {@code 总121期} (serial), with optional blanks around the numbers.
 */
final class CoverReader {

    private static final Pattern ISSUE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*第?\\s*(\\d{1,2})\\s*期");

    private static final Pattern SERIAL = Pattern.compile("总\\s*第?\\s*(\\d{1,5})\\s*期");

    private static final int MAX_MASTHEAD_LENGTH = 20;

    private static final int MAX_COVER_LINE_LENGTH = 40;

    private CoverReader() {
    }

    /**
     * @param cover the pages to search, cover first
     * @param warnings receives a line when only part of the issue number is printed
     * @throws IssueRejectedException ({@link DeadLetterReason#NOT_AN_ISSUE}) if there is no issue number
     */
    static IssueMetadata read(List<ContentPage> cover, List<String> warnings) {
        List<TextLine> lines = new ArrayList<>();
        cover.forEach((page) -> lines.addAll(page.lines()));
        TextLine issueLine = null;
        Matcher issue = null;
        TextLine serialLine = null;
        Matcher serial = null;
        for (TextLine line : lines) {
            if (issue == null) {
                Matcher matcher = ISSUE.matcher(line.text());
                if (matcher.find() && isValidIssue(matcher)) {
                    issue = matcher;
                    issueLine = line;
                }
            }
            if (serial == null) {
                Matcher matcher = SERIAL.matcher(line.text());
                if (matcher.find()) {
                    serial = matcher;
                    serialLine = line;
                }
            }
        }
        if (issue == null && serial == null) {
            throw new IssueRejectedException(DeadLetterReason.NOT_AN_ISSUE,
                    "No issue number like 2023年5月4期 or 总121期 on the cover");
        }
        if (issue == null) {
            warnings.add("Cover has no year/month/issue like 2023年5月4期; they are set to 0");
        }
        if (serial == null) {
            warnings.add("Cover has no serial number like 总121期; it is set to 0");
        }
        return new IssueMetadata(
                (serial != null) ? Integer.parseInt(serial.group(1)) : 0,
                (issue != null) ? Integer.parseInt(issue.group(1)) : 0,
                (issue != null) ? Integer.parseInt(issue.group(2)) : 0,
                (issue != null) ? Integer.parseInt(issue.group(3)) : 0,
                title(lines, issueLine, serialLine));
    }

    /**
     * The serial of a cover line such as {@code 2023年5月4期 (总121期)} or {@code 总第122期}: a short line with
     * the serial number, as covers print it and article text does not; null for any other line.
     */
    static Integer coverSerial(String text) {
        if (text.length() > MAX_COVER_LINE_LENGTH) {
            return null;
        }
        Matcher matcher = SERIAL.matcher(text);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    private static boolean isValidIssue(Matcher matcher) {
        int month = Integer.parseInt(matcher.group(2));
        int issueInMonth = Integer.parseInt(matcher.group(3));
        return month >= 1 && month <= 12 && issueInMonth >= 1;
    }

    /** Masthead (the largest short line above the issue number) followed by the issue number line(s). */
    private static String title(List<TextLine> lines, TextLine issueLine, TextLine serialLine) {
        TextLine first = (issueLine != null) ? issueLine : serialLine;
        TextLine masthead = null;
        for (TextLine line : lines) {
            if (line == issueLine || line == serialLine || line.text().length() > MAX_MASTHEAD_LENGTH) {
                continue;
            }
            if (line.y() <= first.y() && (masthead == null || line.fontSize() > masthead.fontSize())) {
                masthead = line;
            }
        }
        StringBuilder title = new StringBuilder();
        if (masthead != null && !first.text().contains(masthead.text().strip())) {
            title.append(masthead.text().strip());
        }
        appendLine(title, (issueLine != null) ? issueLine : serialLine);
        if (serialLine != null && serialLine != issueLine && issueLine != null) {
            appendLine(title, serialLine);
        }
        return title.toString();
    }

    private static void appendLine(StringBuilder title, TextLine line) {
        if (title.length() > 0) {
            title.append(' ');
        }
        title.append(line.text().strip());
    }
}
