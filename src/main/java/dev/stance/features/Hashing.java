package dev.stance.features;

/**
 * The hash functions of the lexical featurizer. Part of the {@code lex-v1} format: changing
 * anything here changes which bucket a feature lands in and silently breaks trained models, so
 * a change needs a new featurizer id.
 */
final class Hashing {

    static final int FNV_OFFSET = 0x811c9dc5;
    static final int FNV_PRIME = 0x01000193;

    private Hashing() {
    }

    /** Normalised form of one character: lower case, every decimal digit as '0'. */
    static char normalize(char c) {
        if (c >= '0' && c <= '9') {
            return '0';
        }
        if (c < 128) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        return Character.isDigit(c) ? '0' : Character.toLowerCase(c);
    }

    /** One FNV-1a step over a UTF-16 unit. */
    static int step(int hash, char c) {
        hash = (hash ^ (c & 0xff)) * FNV_PRIME;
        return (hash ^ (c >>> 8)) * FNV_PRIME;
    }

    /** FNV-1a of the normalised characters of {@code s}. */
    static int hash(CharSequence s) {
        int h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = step(h, normalize(s.charAt(i)));
        }
        return h;
    }

    /** Combines two hashes (murmur3 finaliser over a simple combination). */
    static int mix(int a, int b) {
        int h = a * 0x9e3779b1 + b;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
