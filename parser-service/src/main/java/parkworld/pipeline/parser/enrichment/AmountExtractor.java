package parkworld.pipeline.parser.enrichment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import parkworld.pipeline.contract.ArticleExtracted.Amount;

/**
 * Finds money amounts such as {@code 总投资约 130 亿元}, {@code 1 亿美元}, {@code 超人民币10亿元}, {@code 两千万元}
 * or {@code 金额超千亿} and gives their value in units of the currency.
 *
 * <p>An amount is a number (Arabic, or Chinese characters with a {@code 万}/{@code 亿} multiplier), an optional
 * multiplier ({@code 十 百 千 万 亿} and combinations like {@code 千万}, {@code 万亿}) and a currency word. Without a
 * currency word it is only taken as CNY when it has a {@code 万}/{@code 亿} multiplier, directly follows a money
 * word ({@code 投资}, {@code 金额}, {@code 总额}, {@code 产值}...) and is not followed by a unit: {@code 金额超千亿} is
 * an amount, {@code 2.5万吨}, {@code 1200亩}, {@code 650家} and {@code 百亿级} are not. Prices per unit
 * ({@code 3元/千瓦时}) and class descriptors ({@code 百亿元级}) are skipped.
 *
 * <p>{@code 约 约合 大约 将近 接近 近 超过 超 逾 不低于 不少于 至少 多于 高于} before, {@code 多 余} between number and
 * multiplier, and {@code 以上 左右} after the amount make it approximate; {@code 达} and {@code 高达} do not.
 */
final class AmountExtractor {

    private static final String SPACE = "\\s*";

    /** Markers that make an amount approximate when written before it, longest first for the backward match. */
    private static final String[] BEFORE = { "不低于", "不少于", "约合", "约为", "大约", "将近", "接近", "超过", "至少", "多于", "高于",
        "约", "近", "超", "逾" };

    /**
     * Currencies written before the number ({@code 人民币10亿元}, {@code 港币2亿元}, {@code 美元5000万}): the 元 after it
     * is then the generic unit, not the yuan. 日元 is left out: {@code 1日元} reads as a day before 元 too often.
     */
    private static final String RMB = "人民币";

    private static final String[] CURRENCY_BEFORE = { RMB, "港币", "港元", "美元", "美金", "欧元", "英镑" };

    private static final String[] RMB_ONLY = { RMB };

    /**
     * The last characters of the markers and of the currencies written before a number: a number after any other
     * character has no prefix, which saves most numbers the backward comparison with each marker.
     */
    private static final String PREFIX_ENDS = lastCharacters(BEFORE) + lastCharacters(CURRENCY_BEFORE);

    private static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("元人民币", "CNY"),
            Map.entry("人民币", "CNY"), Map.entry("元", "CNY"), Map.entry("美元", "USD"), Map.entry("美金", "USD"),
            Map.entry("欧元", "EUR"), Map.entry("日元", "JPY"), Map.entry("港元", "HKD"), Map.entry("港币", "HKD"),
            Map.entry("英镑", "GBP"), Map.entry("韩元", "KRW"), Map.entry("澳元", "AUD"), Map.entry("加元", "CAD"),
            Map.entry("新加坡元", "SGD"), Map.entry("新台币", "TWD"), Map.entry("瑞士法郎", "CHF"), Map.entry("卢布", "RUB"),
            Map.entry("泰铢", "THB"));

    // Alternatives sharing a first character are ordered longest first (元人民币 before 元).
    static final String CURRENCY = "元人民币|人民币|美元|美金|欧元|日元|港元|港币|英镑|韩元|澳元|加元|新加坡元|新台币|瑞士法郎|卢布|泰铢|元";

    /**
     * What an amount is, from its number on (markers before the number are read backwards in code). Every later part
     * is optional and starts with a distinct literal: there is no nested repetition to backtrack over.
     * {@link AmountMatch} finds its matches by hand, which the tests check against this pattern.
     */
    static final Pattern AMOUNT = Pattern.compile("(?:(?<arabic>[0-9]+(?:,[0-9]{3})*(?:\\.[0-9]+)?)"
            + "|(?<chinese>[" + ChineseNumeral.CHARACTERS + "]+|万(?=亿)))" + "(?:" + SPACE + "(?<between>多|余))?"
            + "(?:" + SPACE + "(?<multiplier>[十百千]?万?亿|[十百千]?万|[十百千]))?"
            + "(?:" + SPACE + "(?<currency>" + CURRENCY + "))?" + "(?:" + SPACE + "(?<after>以上|左右))?");

    private static final int ARABIC = AmountMatch.ARABIC;

    private static final int CHINESE = AmountMatch.CHINESE;

    private static final int BETWEEN = AmountMatch.BETWEEN;

    private static final int MULTIPLIER = AmountMatch.MULTIPLIER;

    private static final int CURRENCY_WORD = AmountMatch.CURRENCY;

    private static final int AFTER = AmountMatch.AFTER;

    /** The characters {@link #AMOUNT} can start with: an Arabic digit, a Chinese numeral, or the 万 of 万亿. */
    private static final CharacterSet NUMBER_STARTS = new CharacterSet("0123456789" + ChineseNumeral.CHARACTERS + "万");

    /** A Chinese number right after these is vague (数百万元, 几十亿, 上亿, 成千上万) or part of a longer one. */
    private static final String NOT_BEFORE_NUMERAL = "数几上成好" + ChineseNumeral.CHARACTERS;

    /** Words right before an amount without currency that make it money: 总投资额达30亿, 金额超千亿. */
    private static final String[] MONEY_WORDS = { "投资", "金额", "总额", "资金", "融资", "产值", "营收", "收入", "销售额", "交易额",
        "成交额", "贸易额", "合同额", "签约额", "出资", "注资", "增资", "基金", "规模", "估值", "市值", "利润", "税收", "预算" };

    /** Characters allowed between a money word and the amount: 投资额达, 总额为, 金额共计. */
    private static final String MONEY_WORD_LINKS = "额达为是计共合总累至了：: ";

    private static final String RANGE_CONNECTORS = "至到-—–~";

    /** After 元 these make a different word: 元素, 元件, 元器件, 元宇宙, 一元化, 元旦, 元宵. */
    private static final String NOT_AFTER_YUAN = "素件器宇化旦宵";

    /** An amount and where its {@link Amount#text()} is in the text it was found in: {@code [start, end)}. */
    record Located(Amount amount, int start, int end) {
    }

    /** Amounts in {@code text}, in order of appearance, duplicates kept. */
    List<Amount> extract(String text) {
        return locate(text).stream().map(Located::amount).toList();
    }

    /** Amounts in {@code text} with their positions, in order of appearance, duplicates kept. */
    List<Located> locate(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return locate(text, WidthNormalizer.fold(text));
    }

    /** {@link #locate(String)} given the text also {@link WidthNormalizer#fold folded} (shared with the dates). */
    List<Located> locate(String text, String folded) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<Located> amounts = new ArrayList<>();
        AmountMatch m = new AmountMatch();
        int length = folded.length();
        int i = 0;
        while (i < length) {
            if (NUMBER_STARTS.contains(folded.charAt(i)) && m.lookingAt(folded, i)) {
                Located amount = amount(m, folded, text);
                if (amount != null) {
                    amounts.add(amount);
                }
                i = m.end(); // as Matcher.find would go on after the match
            }
            else {
                i++;
            }
        }
        return amounts;
    }

    private static Located amount(AmountMatch m, String folded, String original) {
        int numberStart = m.start();
        boolean chinese = m.start(CHINESE) >= 0;
        char before = (numberStart > 0) ? folded.charAt(numberStart - 1) : '\0';
        if (chinese ? NOT_BEFORE_NUMERAL.indexOf(before) >= 0 : (before == '.' || before == ',')) {
            return null;
        }
        boolean large = isLarge(folded, m.start(MULTIPLIER), m.end(MULTIPLIER));
        if (chinese && !large) {
            return null; // 三元锂电池, 一元化, 二元结构: small Chinese numerals before 元 are words, not money
        }
        boolean hasCurrencyWord = m.start(CURRENCY_WORD) >= 0;
        Prefix prefix = Prefix.before(folded, numberStart, true);
        if (prefix.currency() != null && !RMB.equals(prefix.currency())
                && !(hasCurrencyWord ? m.group(CURRENCY_WORD).startsWith("元") : large)) {
            // 10亿美元2025年建成: a foreign currency before a number counts only before 元 or 万/亿
            prefix = Prefix.before(folded, numberStart, false);
        }
        if (!hasCurrencyWord && prefix.currency() == null && !large) {
            return null; // most numbers: 20.6%, 192亩, 2022年; the checks below cannot make them money
        }
        int start = prefix.start();
        // every part after the number is optional with its blanks inside: the match ends where the last part does
        int end = m.end();
        int next = skipSpaces(folded, end);
        char following = (next < folded.length()) ? folded.charAt(next) : '\0';
        if (following == '级' || following == '/' || following == '每') {
            return null; // 百亿元级项目 is a class, 3元/千瓦时 a price
        }
        if (isRangeEnd(folded, start, next)) {
            return null; // 10亿—20亿元: neither end is the amount
        }
        String multiplier = m.group(MULTIPLIER);
        String currency;
        if (prefix.currency() != null && (!hasCurrencyWord || m.group(CURRENCY_WORD).startsWith("元"))) {
            currency = CURRENCIES.get(prefix.currency()); // 港币2亿元, 人民币10亿元: the unit after is generic
        }
        else if (hasCurrencyWord) {
            String currencyWord = m.group(CURRENCY_WORD);
            if ("元".equals(currencyWord) && NOT_AFTER_YUAN.indexOf(following) >= 0) {
                return null;
            }
            if ("日元".equals(currencyWord) && multiplier == null && precededBy(folded, numberStart, '月')) {
                return null; // 1月1日元旦 is a date
            }
            currency = CURRENCIES.get(currencyWord);
        }
        else if (large && !isUnitCharacter(following) && followsMoneyWord(folded, start)) {
            currency = "CNY"; // 金额超千亿: the currency is implied by the money word before it
        }
        else {
            return null;
        }
        BigDecimal value = value(m.group(ARABIC), m.group(CHINESE), multiplier);
        if (value == null || value.signum() <= 0) {
            return null;
        }
        boolean approximate = prefix.approximate() || m.start(BETWEEN) >= 0 || m.start(AFTER) >= 0;
        return new Located(new Amount(value, currency, approximate, original.substring(start, end)), start, end);
    }

    /** Whether the multiplier at {@code [start, end)} ({@code start} -1 when there is none) holds 万 or 亿. */
    private static boolean isLarge(String text, int start, int end) {
        for (int i = start; i >= 0 && i < end; i++) {
            char c = text.charAt(i);
            if (c == '万' || c == '亿') {
                return true;
            }
        }
        return false;
    }

    /**
     * What is written right before the number: an approximate marker, a currency ({@code 人民币}, {@code 港币}, ...;
     * {@code null} when none), or both in either order ({@code 超人民币10亿元}, {@code 人民币约10亿元}).
     */
    private record Prefix(int start, boolean approximate, String currency) {

        /** @param foreign whether currencies other than 人民币 count */
        static Prefix before(String text, int numberStart, boolean foreign) {
            int start = numberStart;
            boolean approximate = false;
            String currency = null;
            for (int part = 0; part < 3; part++) {
                int end = skipSpacesBackwards(text, start);
                if (end == 0 || PREFIX_ENDS.indexOf(text.charAt(end - 1)) < 0) {
                    break;
                }
                String marker = approximate ? null : endingAt(text, end, BEFORE);
                if (marker != null) {
                    approximate = true;
                    start = end - marker.length();
                }
                else if (currency == null
                        && (currency = endingAt(text, end, foreign ? CURRENCY_BEFORE : RMB_ONLY)) != null) {
                    start = end - currency.length();
                }
                else {
                    break;
                }
            }
            return new Prefix(start, approximate, currency);
        }

        private static String endingAt(String text, int end, String[] words) {
            for (String word : words) {
                if (text.startsWith(word, end - word.length())) {
                    return word;
                }
            }
            return null;
        }
    }

    private static String lastCharacters(String[] words) {
        StringBuilder last = new StringBuilder();
        for (String word : words) {
            last.append(word.charAt(word.length() - 1));
        }
        return last.toString();
    }

    private static BigDecimal value(String arabic, String chinese, String multiplier) {
        BigDecimal base;
        if (arabic != null) {
            base = new BigDecimal(arabic.replace(",", ""));
        }
        else if (chinese.equals("万")) {
            base = BigDecimal.valueOf(10_000); // 超万亿元: one 万 of 亿, like 千亿 is one 千 of 亿
        }
        else {
            long parsed = ChineseNumeral.parse(chinese);
            if (parsed <= 0) {
                return null;
            }
            base = BigDecimal.valueOf(parsed);
        }
        BigDecimal value = base.multiply(multiplierValue(multiplier)).stripTrailingZeros();
        // 3491.8亿 is 3.4918E+11 after stripping: give it scale 0 so it prints as 349180000000
        return (value.scale() < 0) ? value.setScale(0) : value;
    }

    private static BigDecimal multiplierValue(String multiplier) {
        BigDecimal factor = BigDecimal.ONE;
        if (multiplier == null) {
            return factor;
        }
        for (int i = 0; i < multiplier.length(); i++) {
            int exponent = switch (multiplier.charAt(i)) {
                case '十' -> 1;
                case '百' -> 2;
                case '千' -> 3;
                case '万' -> 4;
                case '亿' -> 8;
                default -> throw new IllegalStateException("unexpected multiplier " + multiplier);
            };
            factor = factor.scaleByPowerOfTen(exponent);
        }
        return factor;
    }

    /** A Han character or letter right after a bare number names its unit: 吨, 亩, 家, 平方米, GWh. */
    private static boolean isUnitCharacter(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean followsMoneyWord(String text, int start) {
        int end = start;
        while (end > 0 && start - end < 5 && MONEY_WORD_LINKS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        // the money word ends somewhere in the run of links: 投资|额达30亿 as well as 金额|超千亿
        for (int cut = end; cut <= start; cut++) {
            for (String word : MONEY_WORDS) {
                if (text.startsWith(word, cut - word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the amount at {@code [start, next)} is one end of a range: followed by a connector and another number
     * ({@code 10亿至20亿元}) or preceded by a connector that follows a number ({@code 10—20亿元}).
     */
    private static boolean isRangeEnd(String text, int start, int next) {
        if (next < text.length() && RANGE_CONNECTORS.indexOf(text.charAt(next)) >= 0) {
            int after = skipSpaces(text, next + 1);
            if (after < text.length() && isNumberCharacter(text.charAt(after))) {
                return true;
            }
        }
        int before = skipSpacesBackwards(text, start);
        if (before > 0 && RANGE_CONNECTORS.indexOf(text.charAt(before - 1)) >= 0) {
            int previous = skipSpacesBackwards(text, before - 1);
            return previous > 0 && (isNumberCharacter(text.charAt(previous - 1))
                    || "万亿元币".indexOf(text.charAt(previous - 1)) >= 0);
        }
        return false;
    }

    private static boolean isNumberCharacter(char c) {
        return (c >= '0' && c <= '9') || ChineseNumeral.CHARACTERS.indexOf(c) >= 0;
    }

    private static boolean precededBy(String text, int index, char c) {
        int i = index;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i > 0 && text.charAt(i - 1) == c;
    }

    private static int skipSpacesBackwards(String text, int index) {
        int i = index;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int skipSpaces(String text, int index) {
        int i = index;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
