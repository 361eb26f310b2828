package parkworld.pipeline.parser.enrichment;

/**
 * Folds full-width digits, Latin letters, {@code ．－～} and the ideographic space to their ASCII forms so that
 * patterns need only ASCII digits. The result has the same length as the input, so an index into it is an index
 * into the original text (used to keep amounts "as printed"). Full-width commas are deliberately kept: in Chinese
 * text {@code ，} separates clauses, it is never a thousands separator.
 */
final class WidthNormalizer {

    private WidthNormalizer() {
    }

    static String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = fold(c);
            if (folded != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = folded;
            }
        }
        return (chars == null) ? text : new String(chars);
    }

    private static char fold(char c) {
        // Han characters and ASCII, nearly every character of an article, are between the two ranges folded
        if (c < 0xA0 || (c > 0x3000 && c < 0xFF0D)) {
            return c;
        }
        if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ') || c == '．' || c == '－'
                || c == '～') {
            return (char) (c - 0xFEE0);
        }
        if (c == '\u3000' || c == '\u00A0') {
            return ' ';
        }
        return c;
    }
}
