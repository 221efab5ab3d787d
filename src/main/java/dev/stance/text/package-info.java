/**
 * Sentence splitting and tokenising behind small interfaces of our own. The only package that
 * imports OpenNLP. Not part of the stable API: use {@link dev.stance.StanceClassifier}.
 */
package dev.stance.text;
