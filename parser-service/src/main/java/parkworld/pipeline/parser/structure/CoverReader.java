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
 * {@code 总121期} (serial), with optional blanks around the numbers. The title is cleaned as article titles are
 * ({@link TextNormalizer}): producers print the same cover as {@code 2023年5月4期 (总121期)} or
 * {@code 2023 年 5 月 4 期 (总 121 期)}, and {@code issue.title} is a keyword that must not split one issue in two.
 */
final class CoverReader {

    private static final Pattern ISSUE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*第?\\s*(\\d{1,2})\\s*期");

    private static final Pattern SERIAL = Pattern.compile("总\\s*第?\\s*(\\d{1,5})\\s*期");

    private static final int MAX_MASTHEAD_LENGTH = 20;

    private static final int MAX_COVER_LINE_LENGTH = 40;

    /** What a cover line may print around the issue number besides the masthead. */
    private static final String COVER_LINE_PUNCTUATION = "()（）[]【】〔〕<>《》|·•-—–/、,，:：";

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
                TextNormalizer.clean(title(lines, issueLine, serialLine)));
    }

    /**
     * The serial of a cover line such as {@code 2023年5月4期 (总121期)}, {@code 总第122期} or
     * {@code 园区周报 总122期}: a short line that holds the issue designation and nothing else but brackets, blanks
     * and the masthead, as covers print it; null for any other line. Article text quoting an issue
     * ({@code 园区周报总120期报道}, {@code 据总120期统计，}) says more than that on the same line.
     *
     * @param masthead the masthead of this issue's cover ({@code 园区周报}), allowed on the line; may be empty
     */
    static Integer coverSerial(String text, String masthead) {
        if (text.length() > MAX_COVER_LINE_LENGTH) {
            return null;
        }
        Matcher matcher = SERIAL.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        String rest = ISSUE.matcher(text.substring(0, matcher.start()) + " " + text.substring(matcher.end()))
                .replaceAll(" ");
        if (!masthead.isEmpty()) {
            rest = rest.replace(masthead, " ");
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (!Character.isWhitespace(c) && COVER_LINE_PUNCTUATION.indexOf(c) < 0) {
                return null;
            }
        }
        return Integer.valueOf(matcher.group(1));
    }

    /** The masthead of a cover title as {@link IssueMetadata#title()} holds it: what precedes the issue number. */
    static String masthead(String title) {
        Matcher issue = ISSUE.matcher(title);
        Matcher serial = SERIAL.matcher(title);
        int end = title.length();
        if (issue.find()) {
            end = issue.start();
        }
        if (serial.find()) {
            end = Math.min(end, serial.start());
        }
        return title.substring(0, end).strip();
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
