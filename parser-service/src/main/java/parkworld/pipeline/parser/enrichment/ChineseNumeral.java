package parkworld.pipeline.parser.enrichment;

/**
 * Value of a Chinese numeral below ten thousand written with characters: {@code 十} 10, {@code 两千} 2000,
 * {@code 一百二十} 120, {@code 一千零五} 1005. The large multipliers {@code 万} and {@code 亿} are handled by
 * {@link AmountExtractor}; malformed sequences such as {@code 十四五} (a plan name) or {@code 一二} are rejected.
 */
final class ChineseNumeral {

    static final String CHARACTERS = "零〇一二两三四五六七八九十百千";

    private ChineseNumeral() {
    }

    /** The value, or -1 when {@code text} is not a well-formed numeral. */
    static long parse(String text) {
        long total = 0;
        int digit = -1;
        int lastUnit = Integer.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = digitValue(c);
            if (value >= 0) {
                if (digit >= 0) {
                    return -1; // two digits in a row: 一二, 十四五
                }
                digit = value;
                any = true;
                continue;
            }
            if (c == '零' || c == '〇') {
                digit = -1;
                continue;
            }
            int unit = unitValue(c);
            if (unit < 0 || unit >= lastUnit) {
                return -1; // not a numeral, or units not descending: 十百
            }
            // a unit without a digit before it means one: 十 is 10, 千 is 1000
            total += ((digit < 0) ? 1 : digit) * (long) unit;
            digit = -1;
            lastUnit = unit;
            any = true;
        }
        if (!any) {
            return -1;
        }
        return total + Math.max(digit, 0);
    }

    private static int digitValue(char c) {
        int index = "一二三四五六七八九".indexOf(c);
        if (index >= 0) {
            return index + 1;
        }
        return (c == '两') ? 2 : -1;
    }

    private static int unitValue(char c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            default -> -1;
        };
    }
}
