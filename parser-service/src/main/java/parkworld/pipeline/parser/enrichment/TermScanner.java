package parkworld.pipeline.parser.enrichment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds dictionary terms in a text in one left-to-right pass over a character trie: at each position the longest
 * term starting there wins and the scan resumes after it, so hits never overlap. This replaces a loop of one
 * regex per term (hundreds of place names, times every article) with a single pass whose cost depends only on
 * the length of the text.
 *
 * @param <V> what a term stands for
 */
final class TermScanner<V> {

    /** A term found at {@code [start, end)} of the scanned text. */
    record Hit<V>(int start, int end, V value) {
    }

    private final Node<V> root;

    /**
     * The characters a term starts with, one bit per BMP character (8 KB). Most positions of a text start no term:
     * they are passed over with one bit test instead of a binary search among the root's children (hundreds for
     * the gazetteer), which was most of the scanning time.
     */
    private final long[] starts = new long[(Character.MAX_VALUE + 1) / Long.SIZE];

    /**
     * The root's children in the order of their characters, which is the order of the bits of {@link #starts}; with
     * {@link #rankBase} (how many bits are set in the words before each word of {@code starts}) a first character
     * finds its child by counting bits, not by a binary search among hundreds of keys (the gazetteer's).
     */
    private final Node<V>[] rootChildren;

    private final int[] rankBase = new int[starts.length];

    TermScanner(Map<String, V> terms) {
        Builder<V> builder = new Builder<>();
        terms.forEach((term, value) -> {
            if (term.isEmpty()) {
                throw new IllegalArgumentException("empty term for " + value);
            }
            Builder<V> node = builder;
            for (int i = 0; i < term.length(); i++) {
                node = node.children.computeIfAbsent(term.charAt(i), c -> new Builder<>());
            }
            node.value = value;
            char first = term.charAt(0);
            this.starts[first >>> 6] |= 1L << first;
        });
        this.root = builder.freeze();
        int rank = 0;
        for (int w = 0; w < this.starts.length; w++) {
            this.rankBase[w] = rank;
            rank += Long.bitCount(this.starts[w]);
        }
        this.rootChildren = this.root.children;
    }

    /** All non-overlapping hits, leftmost-longest, in order. */
    List<Hit<V>> scan(CharSequence text) {
        List<Hit<V>> hits = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            char first = text.charAt(i);
            if ((this.starts[first >>> 6] & (1L << first)) == 0) {
                i++;
                continue;
            }
            Node<V> node = this.rootChildren[this.rankBase[first >>> 6]
                    + Long.bitCount(this.starts[first >>> 6] & ((1L << first) - 1))];
            int end = (node.value != null) ? i + 1 : -1;
            V value = node.value;
            for (int j = i + 1; j < length; j++) {
                node = node.child(text.charAt(j));
                if (node == null) {
                    break;
                }
                if (node.value != null) {
                    end = j + 1;
                    value = node.value;
                }
            }
            if (end > 0) {
                hits.add(new Hit<>(i, end, value));
                i = end;
            }
            else {
                i++;
            }
        }
        return hits;
    }

    /** Immutable trie node: sorted child keys searched by binary search, no boxing on the hot path. */
    private static final class Node<V> {

        private final char[] keys;

        private final Node<V>[] children;

        private final V value;

        Node(char[] keys, Node<V>[] children, V value) {
            this.keys = keys;
            this.children = children;
            this.value = value;
        }

        Node<V> child(char c) {
            int index = Arrays.binarySearch(keys, c);
            return (index >= 0) ? children[index] : null;
        }
    }

    private static final class Builder<V> {

        private final TreeMap<Character, Builder<V>> children = new TreeMap<>();

        private V value;

        @SuppressWarnings("unchecked")
        Node<V> freeze() {
            char[] keys = new char[children.size()];
            Node<V>[] nodes = new Node[children.size()];
            int i = 0;
            for (Map.Entry<Character, Builder<V>> child : children.entrySet()) {
                keys[i] = child.getKey();
                nodes[i] = child.getValue().freeze();
                i++;
            }
            return new Node<>(keys, nodes, value);
        }
    }
}
