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
     * Finds the first match starting at or after {@code from}.
     *
     * @param matcher a matcher over {@code text}; on success it holds the match (its region is then
     *                {@code [start, text.length())}, with transparent bounds, so look-behinds see the text before)
     * @param starts  every character a match can start with
     * @return whether there is one
     */
    static boolean find(Matcher matcher, String text, int from, String starts) {
        matcher.useTransparentBounds(true);
        int length = text.length();
        for (int i = from; i < length; i++) {
            if (starts.indexOf(text.charAt(i)) >= 0 && matcher.region(i, length).lookingAt()) {
                return true;
            }
        }
        return false;
    }
}
