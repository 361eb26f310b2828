package parkworld.pipeline.parser.enrichment;

import java.util.regex.Matcher;

/**
 * What {@link Matcher#find()} does, for patterns that can only start with a few known characters: the pattern is
 * tried only where the text has one of them. {@code find()} tries it at every position, and a pattern that starts
 * with a class of Chinese characters is slow to reject each one (Java tests such a class as a chain of one
 * predicate per character): the amount pattern spent most of its time there. The match found at a position is the
 * one {@code find()} reaches there, so the matches are the same.
 */
final class PatternScan {

    private PatternScan() {
    }

    /**
     * The characters a pattern can start with, one bit per BMP character (8 KB), so that each position of a text is
     * passed over with one bit test rather than a search of a string of characters.
     */
    static final class Starts {

        private final long[] bits = new long[(Character.MAX_VALUE + 1) / Long.SIZE];

        Starts(String characters) {
            for (int i = 0; i < characters.length(); i++) {
                char c = characters.charAt(i);
                this.bits[c >>> 6] |= 1L << c;
            }
        }

        boolean contains(char c) {
            return (this.bits[c >>> 6] & (1L << c)) != 0;
        }
    }

    /**
     * Finds the first match starting at or after {@code from}, trying the pattern only where a start character is.
     *
     * @param matcher a matcher over {@code text}; on success it holds the match (its region is then
     *                {@code [start, text.length())}, with transparent bounds, so look-behinds see the text before)
     * @param starts  every character a match can start with
     * @return whether there is one
     */
    static boolean find(Matcher matcher, String text, int from, Starts starts) {
        matcher.useTransparentBounds(true);
        int length = text.length();
        for (int i = from; i < length; i++) {
            if (starts.contains(text.charAt(i)) && matcher.region(i, length).lookingAt()) {
                return true;
            }
        }
        return false;
    }
}
