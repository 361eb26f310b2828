package parkworld.pipeline.parser.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class RunningContentFilterTests {

    private final RunningContentFilter filter = new RunningContentFilter();

    @Test
    void readsPrintedPageNumbersAndDropsRunningHeaderOfTheFixture() {
        List<ContentPage> pages = this.filter.filter(new PdfTextReader().read(TestPdfs.issue121()).pages());
        assertThat(pages).as("pages").hasSize(22);
        for (ContentPage page : pages) {
            OptionalInt expected = (page.number() <= 3) ? OptionalInt.empty() : OptionalInt.of(page.number() - 3);
            assertThat(page.printedNumber()).as("printed number of physical page %d", page.number()).isEqualTo(expected);
            assertThat(page.lines()).as("lines of physical page %d", page.number()).extracting(TextLine::text)
                    .doesNotContain("园区周报 2023年5月4期", Integer.toString(page.number() - 3));
        }
        assertThat(pages.get(3).lines()).as("lines of the first body page").first().extracting(TextLine::text)
                .isEqualTo("一、招商引资");
    }

    @Test
    void keepsLinesInHeaderBandThatDoNotRepeat() {
        List<PageText> pages = new ArrayList<>();
        List<String> headlines = List.of("Parks open", "Ports expand", "Policy issued");
        for (int number = 1; number <= 3; number++) {
            pages.add(new PageText(number, 595f, 842f, List.of(
                    TextLine.of("Park Weekly 2023-05", 450f, 540f, 34f, 10f),
                    TextLine.of(headlines.get(number - 1), 63f, 300f, 70f, 15f),
                    TextLine.of("Body text", 63f, 533f, 400f, 14f),
                    TextLine.of("- " + number + " -", 290f, 305f, 818f, 12f))));
        }
        List<ContentPage> filtered = this.filter.filter(pages);
        assertThat(filtered).allSatisfy((page) -> {
            assertThat(page.lines()).as("lines of page %d", page.number()).extracting(TextLine::text)
                    .containsExactly(headlines.get(page.number() - 1), "Body text");
            assertThat(page.printedNumber()).as("printed number of page %d", page.number())
                    .hasValue(page.number());
        });
    }

    @Test
    void takesALoneNumberAtTheBottomAsPageNumberEvenOnASinglePage() {
        PageText page = new PageText(1, 595f, 842f, List.of(TextLine.of("Body text", 63f, 533f, 400f, 14f),
                TextLine.of("7", 295f, 300f, 818f, 12f)));
        ContentPage filtered = this.filter.filter(List.of(page)).get(0);
        assertThat(filtered.printedNumber()).as("printed number").hasValue(7);
        assertThat(filtered.displayNumber()).as("display number").isEqualTo(7);
        assertThat(filtered.lines()).extracting(TextLine::text).as("lines").containsExactly("Body text");
    }

    @Test
    void recognizesCommonPageNumberForms() {
        assertThat(RunningContentFilter.pageNumber("12")).isEqualTo(12);
        assertThat(RunningContentFilter.pageNumber(" - 12 - ")).isEqualTo(12);
        assertThat(RunningContentFilter.pageNumber("— 3 —")).isEqualTo(3);
        assertThat(RunningContentFilter.pageNumber("第 12 页")).isEqualTo(12);
        assertThat(RunningContentFilter.pageNumber("Page 5")).isEqualTo(5);
        assertThat(RunningContentFilter.pageNumber("5 / 19")).isEqualTo(5);
        assertThat(RunningContentFilter.pageNumber("2023年")).as("a year").isEqualTo(-1);
        assertThat(RunningContentFilter.pageNumber("123456")).as("too many digits").isEqualTo(-1);
        assertThat(RunningContentFilter.pageNumber("园区周报")).as("text").isEqualTo(-1);
    }
}
