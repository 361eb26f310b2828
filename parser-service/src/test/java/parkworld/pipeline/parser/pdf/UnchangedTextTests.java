package parkworld.pipeline.parser.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class UnchangedTextTests {

    @Test
    void everyCharacterCountedUnchangedStaysLeftToRightForTheJdksBidiAlgorithm() {
        // PDFBox reorders a word unless java.text.Bidi finds it left to right at one level: the table must agree with
        // the bidi data of the JDK it runs on, next to letters and digits too
        List<String> reordered = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (UnchangedText.isUnchanged((char) c)) {
                String alone = String.valueOf((char) c);
                for (String text : List.of(alone, "1" + alone + "2", "a" + alone + "\u4e2d1")) {
                    Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
                    if (bidi.isMixed() || bidi.getBaseLevel() != Bidi.DIRECTION_LEFT_TO_RIGHT) {
                        reordered.add(Integer.toHexString(c));
                    }
                }
            }
        }
        assertThat(reordered).isEmpty();
    }

    @Test
    void countsChineseLatinDigitsAndPunctuationAsUnchanged() {
        assertThat(UnchangedText.isUnchanged("园区周报 2023年5月4期，总投资1.5亿元（约）— Park news: 12%…")).isTrue();
        assertThat(UnchangedText.isUnchanged("")).isTrue();
    }

    @Test
    void leavesRightToLeftTextPresentationFormsAndSurrogatesToPdfBox() {
        assertThat(UnchangedText.isUnchanged("park \u05d0")).as("Hebrew").isFalse();
        assertThat(UnchangedText.isUnchanged("\u0627")).as("Arabic").isFalse();
        assertThat(UnchangedText.isUnchanged("\u0661")).as("Arabic-Indic digit").isFalse();
        assertThat(UnchangedText.isUnchanged("\ufb01")).as("fi ligature, normalised by NFKC").isFalse();
        assertThat(UnchangedText.isUnchanged("\ufefb")).as("Arabic presentation form").isFalse();
        assertThat(UnchangedText.isUnchanged("\u200f")).as("right-to-left mark").isFalse();
        assertThat(UnchangedText.isUnchanged("\u202a")).as("left-to-right embedding").isFalse();
        assertThat(UnchangedText.isUnchanged("\u2066")).as("left-to-right isolate").isFalse();
        assertThat(UnchangedText.isUnchanged("\ud83d\ude00")).as("supplementary character").isFalse();
    }
}
