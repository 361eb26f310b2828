package parkworld.pipeline.parser.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written matcher gives, at every position, what {@link AmountExtractor#AMOUNT}'s lookingAt gives. */
class AmountMatchTests {

    /** Every character the pattern treats specially, blanks it does and does not skip, and some it does not know. */
    private static final String ALPHABET = "0123456789,.,. \t\n\u3000" + ChineseNumeral.CHARACTERS
            + "万万亿亿多余元元人民币美金欧日港英镑韩澳加新坡台瑞士法郎卢布泰铢以上左右月吨x";

    @ParameterizedTest
    @ValueSource(strings = { "总投资约 130 亿元", "签约总额1,080.98亿元", "1,2345", "1,23,456", "12.", "3.4.5", "三千万元",
        "千亿", "超万亿元", "万元", "三 千 万元", "5 千 万元", "三 千多万元", "一千零五十万 美元以上", "十四五", "5千 万亿 元 左右",
        "100元人民币", "2千", "3 亿 余", "一二三", "万亿", "0.5万亿日元" })
    void givesThePatternsGroupsOnKnownTexts(String text) {
        assertSameAtEveryPosition(text);
    }

    @Test
    void givesThePatternsGroupsOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(8);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(14);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertSameAtEveryPosition(text.toString());
        }
    }

    private static void assertSameAtEveryPosition(String text) {
        Matcher pattern = AmountExtractor.AMOUNT.matcher(text).useTransparentBounds(true);
        AmountMatch hand = new AmountMatch();
        for (int i = 0; i < text.length(); i++) {
            boolean expected = pattern.region(i, text.length()).lookingAt();
            assertThat(hand.lookingAt(text, i)).as("match at %d of '%s'", i, text).isEqualTo(expected);
            if (!expected) {
                continue;
            }
            assertThat(hand.end()).as("end at %d of '%s'", i, text).isEqualTo(pattern.end());
            for (int group = AmountMatch.ARABIC; group <= AmountMatch.AFTER; group++) {
                assertThat(hand.start(group)).as("start of group %d at %d of '%s'", group, i, text)
                        .isEqualTo(pattern.start(group));
                assertThat(hand.end(group)).as("end of group %d at %d of '%s'", group, i, text)
                        .isEqualTo(pattern.end(group));
                assertThat(hand.group(group)).isEqualTo(pattern.group(group));
            }
        }
    }

    @Test
    void numbersTheGroupsAsThePatternNamesThem() {
        Matcher pattern = AmountExtractor.AMOUNT.matcher("约3多万亿美元以上");
        assertThat(pattern.region(1, pattern.regionEnd()).lookingAt()).isTrue();
        assertThat(pattern.group(AmountMatch.ARABIC)).isEqualTo(pattern.group("arabic"));
        assertThat(pattern.group(AmountMatch.BETWEEN)).isEqualTo(pattern.group("between")).isEqualTo("多");
        assertThat(pattern.group(AmountMatch.MULTIPLIER)).isEqualTo(pattern.group("multiplier")).isEqualTo("万亿");
        assertThat(pattern.group(AmountMatch.CURRENCY)).isEqualTo(pattern.group("currency")).isEqualTo("美元");
        assertThat(pattern.group(AmountMatch.AFTER)).isEqualTo(pattern.group("after")).isEqualTo("以上");
        Matcher chinese = AmountExtractor.AMOUNT.matcher("三千万");
        assertThat(chinese.lookingAt()).isTrue();
        assertThat(chinese.group(AmountMatch.CHINESE)).isEqualTo(chinese.group("chinese")).isEqualTo("三千");
    }
}
