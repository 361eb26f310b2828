package parkworld.pipeline.parser.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlCharacterFilterTests {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = { "0000", "0007", "001B", "007F", "0080", "009B", "00AD", "061C", "200B", "200C", "200D",
            "200E", "200F", "202A", "202B", "202C", "202D", "202E", "2060", "2066", "2067", "2068", "2069", "FEFF",
            "FFFE", "FFFF", "D800", "DC00" })
    void removesInvisibleCharacters(String hex) {
        char invisible = (char) Integer.parseInt(hex, 16);

        assertThat(ControlCharacterFilter.clean("园区" + invisible + "周报")).isEqualTo("园区周报");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = { "0009", "000A", "000B", "000C", "000D", "0085", "2028", "2029" })
    void turnsLineAndTabSeparatorsIntoSpaces(String hex) {
        char separator = (char) Integer.parseInt(hex, 16);

        assertThat(ControlCharacterFilter.clean("park" + separator + "news")).isEqualTo("park news");
    }

    @Test
    void removesAnAnsiEscapeThatWouldForgeALogLine() {
        assertThat(ControlCharacterFilter.clean("标题\u001b[2K\r INFO [issue-1] published"))
            .isEqualTo("标题[2K  INFO [issue-1] published");
    }

    @Test
    void keepsTextWithoutInvisibleCharactersAsItIs() {
        String text = "总投资130亿元（青岛市政府网站）, Park №1 — 𠀀 😀";

        assertThat(ControlCharacterFilter.clean(text)).isSameAs(text);
    }

    @Test
    void theRangeKeptWithoutLookingHoldsNoControlFormatOrSeparatorCharacter() {
        // the fast path for CJK text is only right as long as this JDK's Unicode tables agree
        for (char c = ControlCharacterFilter.CJK_START; c < Character.MIN_SURROGATE; c++) {
            int type = Character.getType(c);
            assertThat(type).as("U+%04X", (int) c).isNotIn((int) Character.CONTROL, (int) Character.FORMAT,
                    (int) Character.LINE_SEPARATOR, (int) Character.PARAGRAPH_SEPARATOR);
        }
    }

    @Test
    void keepsSurrogatePairsAndRemovesTagCharacters() {
        assertThat(ControlCharacterFilter.clean("a\u0301😀\uDB40\uDC41b")).isEqualTo("a\u0301😀b");
    }
}
