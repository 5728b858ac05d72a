package org.callgate.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How a name an agent types is matched, whatever index answers (R2, R15): the words the {@link
 * NameAnalyzer} makes of it, and how many typos each word may have. Every {@link
 * org.callgate.core.dossier.RecordIndex} backend builds its name query from this, so that Lucene
 * on one disk and a search cluster find the same callers for the same text.
 *
 * <p>A word shorter than {@link #ONE_EDIT_FROM} letters must match exactly, one shorter than
 * {@link #TWO_EDITS_FROM} may have one typo, a longer one two. The first {@link #FUZZY_PREFIX}
 * letter must be right, which keeps fuzzy queries fast on a million names.
 */
public final class NameMatching {

    public static final int ONE_EDIT_FROM = 3;
    public static final int TWO_EDITS_FROM = 6;
    public static final int FUZZY_PREFIX = 1;
    public static final int FUZZY_EXPANSIONS = 50;
    /** The most typos a word may have (from {@link #TWO_EDITS_FROM} letters on). */
    public static final int MAX_EDITS = 2;

    private final Analyzer names;

    public NameMatching() {
        this(new NameAnalyzer());
    }

    NameMatching(Analyzer names) {
        this.names = names;
    }

    /** The typos {@code word} may have, at most {@code maxEdits}. */
    public static int edits(String word, int maxEdits) {
        int allowed = word.length() < ONE_EDIT_FROM ? 0 : word.length() < TWO_EDITS_FROM ? 1 : 2;
        return Math.min(maxEdits, allowed);
    }

    /**
     * Whether some word of the name is long enough for two typos, so that a search allowing one
     * typo finds less than one allowing two.
     */
    public boolean allowsTwoEdits(String text) {
        return words(text).stream().anyMatch(word -> word.length() >= TWO_EDITS_FROM);
    }

    /** The name's words as indexed: lower case, accents folded, split on spaces and hyphens. */
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = names.tokenStream("name", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a name in memory", e);
        }
        return words;
    }
}
