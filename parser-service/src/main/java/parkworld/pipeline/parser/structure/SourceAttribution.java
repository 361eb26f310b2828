package parkworld.pipeline.parser.structure;

/**
 * Finds the source attribution that closes an article body, like {@code …总投资额达30亿元（中山市政府网站）。}
 * or {@code …(广西政府网站)。}: a bracketed name at the very end, optionally followed by a full stop.
 * Since a body can also end with a plain parenthetical such as {@code （一期）}, the bracketed text
 * only counts as a source when it names a publisher: it ends like {@code 网站}, {@code 日报},
 * {@code 新华社}, {@code 政府}, ... or starts with {@code 来源}.
 */
final class SourceAttribution {

    private static final int MAX_NAME_LENGTH = 40;

    private static final String[] PUBLISHER_SUFFIXES = { "网站", "网", "报", "社", "台", "新闻", "政府", "发布", "客户端",
        "公众号", "号", "在线", "频道", "官网", "官微", "微信", "微博", "头条", "资讯", "传媒", "媒体", "杂志", "周刊", "广播",
        "中心", "委", "局", "厅", "办", "部", "署", "院", "会", "馆" };

    private static final String[] PUBLISHER_PREFIXES = { "来源", "据", "source" };

    private static final String[] LATIN_PUBLISHER_WORDS = { "website", "site", "news", "press", "agency", "daily",
        "times", "post", "journal", "gazette", "government", "xinhua", "reuters", "bloomberg" };

    private SourceAttribution() {
    }

    /** The source named in the closing brackets of {@code body}, or {@code null} if there is none. */
    static String find(String body) {
        String bracketed = closingBracketText(body);
        return (bracketed != null && namesPublisher(bracketed)) ? bracketed : null;
    }

    /** Whether the text in the closing brackets looks like a publisher rather than a remark. */
    static boolean namesPublisher(String bracketed) {
        // a qualifier like 新华网（北京） does not count
        int fullWidth = bracketed.indexOf('（');
        int halfWidth = bracketed.indexOf('(');
        int qualifier = (fullWidth < 0 || (halfWidth >= 0 && halfWidth < fullWidth)) ? halfWidth : fullWidth;
        String text = (qualifier > 0) ? bracketed.substring(0, qualifier).strip() : bracketed;
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String prefix : PUBLISHER_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        for (String suffix : PUBLISHER_SUFFIXES) {
            if (text.endsWith(suffix)) {
                return true;
            }
        }
        for (String word : LATIN_PUBLISHER_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The text inside the brackets that close {@code body}, or {@code null} if it does not end with such. */
    static String closingBracketText(String body) {
        int end = body.length();
        while (end > 0 && isTrailing(body.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || !isClosing(body.charAt(end - 1))) {
            return null;
        }
        int close = end - 1;
        int depth = 0;
        int minStart = Math.max(0, close - MAX_NAME_LENGTH - 1);
        for (int i = close - 1; i >= minStart; i--) {
            char c = body.charAt(i);
            if (c == '\n') {
                return null;
            }
            if (isClosing(c)) {
                depth++;
            }
            else if (isOpening(c)) {
                if (depth == 0) {
                    return validName(body.substring(i + 1, close).strip());
                }
                depth--;
            }
        }
        return null;
    }

    private static String validName(String name) {
        if (name.isEmpty()) {
            return null;
        }
        boolean hasLetter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ("，。；！？,;!?：".indexOf(c) >= 0) {
                return null;
            }
            hasLetter |= Character.isLetter(c);
        }
        return hasLetter ? name : null;
    }

    private static boolean isTrailing(char c) {
        return Character.isWhitespace(c) || c == '。' || c == '.' || c == '．';
    }

    private static boolean isClosing(char c) {
        return c == '）' || c == ')';
    }

    private static boolean isOpening(char c) {
        return c == '（' || c == '(';
    }
}
