package parkworld.pipeline.parser.structure;

/**
 * Recognizes the markers of the issue layout: {@code ●} article titles, {@code ■} body
 * paragraphs, numbered section headings like {@code 一、招商引资} and closing notes like
 * {@code 注：…}.
 */
final class Headings {

    static final char TITLE_BULLET = '●';

    static final char BODY_MARKER = '■';

    private static final int MAX_SECTION_NAME_LENGTH = 16;

    /** At most three numerals, the separator and the name. */
    private static final int MAX_SECTION_HEADING_LENGTH = 3 + 1 + MAX_SECTION_NAME_LENGTH;

    private static final String CHINESE_NUMERALS = "一二三四五六七八九十百";

    private static final String[] CLOSING_NOTE_PREFIXES = { "注：", "注:", "备注：", "备注:", "声明：", "声明:",
            "免责声明" };

    private Headings() {
    }

    static boolean isTitle(String text) {
        return !text.isEmpty() && text.charAt(0) == TITLE_BULLET;
    }

    /** The title without its bullet. */
    static String stripBullet(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == TITLE_BULLET || Character.isWhitespace(text.charAt(start)))) {
            start++;
        }
        return text.substring(start).strip();
    }

    /**
     * The name of a numbered section heading such as {@code 一、招商引资} or {@code 四 、园区动态}
     * ({@code 园区动态}), or {@code null} if {@code text} is not one.
     */
    static String sectionName(String text) {
        // Called for every line of every page: most lines are rejected by their first character or their length
        // before a copy without blanks is made.
        int first = 0;
        while (first < text.length() && isBlank(text.charAt(first))) {
            first++;
        }
        if (first == text.length() || CHINESE_NUMERALS.indexOf(text.charAt(first)) < 0
                || exceedsWithoutBlanks(text, MAX_SECTION_HEADING_LENGTH)) {
            return null;
        }
        String compact = removeWhitespace(text);
        int numerals = 0;
        while (numerals < compact.length() && CHINESE_NUMERALS.indexOf(compact.charAt(numerals)) >= 0) {
            numerals++;
        }
        if (numerals == 0 || numerals > 3 || numerals >= compact.length()) {
            return null;
        }
        char separator = compact.charAt(numerals);
        if (separator != '、' && separator != '.' && separator != '．') {
            return null;
        }
        String name = compact.substring(numerals + 1);
        if (name.isEmpty() || name.length() > MAX_SECTION_NAME_LENGTH) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ("，。；：！？,;:!?●■（）()".indexOf(c) >= 0) {
                return null;
            }
        }
        return name;
    }

    static boolean isClosingNote(String text) {
        for (String prefix : CLOSING_NOTE_PREFIXES) {
            if (text.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static String removeWhitespace(String text) {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isBlank(c)) {
                compact.append(c);
            }
        }
        return compact.toString();
    }

    /** Whether {@link #removeWhitespace} would leave more than {@code max} characters; counts no further. */
    static boolean exceedsWithoutBlanks(String text, int max) {
        int kept = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!isBlank(text.charAt(i)) && ++kept > max) {
                return true;
            }
        }
        return false;
    }

    /** What {@link #removeWhitespace} removes. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000';
    }
}
