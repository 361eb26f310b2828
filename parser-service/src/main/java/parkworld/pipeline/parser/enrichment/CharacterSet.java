package parkworld.pipeline.parser.enrichment;

/**
 * A set of characters, one bit per BMP character (8 KB), so that each position of a text is tested with one bit
 * test rather than a search of a string of characters: most positions of a text start no number, date or term.
 */
final class CharacterSet {

    private final long[] bits = new long[(Character.MAX_VALUE + 1) / Long.SIZE];

    CharacterSet(String characters) {
        for (int i = 0; i < characters.length(); i++) {
            char c = characters.charAt(i);
            this.bits[c >>> 6] |= 1L << c;
        }
    }

    boolean contains(char c) {
        return (this.bits[c >>> 6] & (1L << c)) != 0;
    }
}
