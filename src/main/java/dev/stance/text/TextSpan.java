package dev.stance.text;

/**
 * A half-open character range {@code [begin, end)} of a text, in UTF-16 code units.
 *
 * @param begin first character
 * @param end   one past the last character
 */
public record TextSpan(int begin, int end) {

    public TextSpan {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad span [" + begin + ", " + end + ")");
        }
    }
}
