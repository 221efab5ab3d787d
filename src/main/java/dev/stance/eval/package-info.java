/**
 * Metrics for any stance classifier: {@link dev.stance.eval.StanceEvaluator} turns gold labels and
 * predictions into an {@link dev.stance.eval.Evaluation} (per-label precision/recall/F1, macro-F1,
 * accuracy, confusion matrix, calibration); {@link dev.stance.eval.ReportRenderer} renders it as
 * text or JSON, {@link dev.stance.eval.HtmlReport} as a self-contained HTML page with charts and
 * the misclassified sentences (provenance comes in as plain text through
 * {@link dev.stance.eval.ReportContext}). Depends on the API only.
 */
package dev.stance.eval;
