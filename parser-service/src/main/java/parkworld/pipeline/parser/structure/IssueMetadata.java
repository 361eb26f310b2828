package parkworld.pipeline.parser.structure;

/**
 * What the cover says about the issue, e.g. {@code 2023年5月4期 (总121期)}.
 *
 * @param serial running issue number ({@code 总121期}), 0 if the cover does not print it
 * @param year year of the issue, 0 if the cover does not print it
 * @param month month of the issue (1-12), 0 if the cover does not print it
 * @param issueInMonth number of the issue within its month, 0 if the cover does not print it
 * @param title masthead and issue line as printed, cleaned like article titles (blanks next to Chinese characters
 *        removed), e.g. {@code 园区周报2023年5月4期(总121期)} whatever blanks the producer put in
 */
public record IssueMetadata(int serial, int year, int month, int issueInMonth, String title) {
}
