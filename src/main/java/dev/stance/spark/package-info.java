/**
 * Labelling on Apache Spark: {@link dev.stance.spark.StanceSpark} adds stance columns to a
 * {@code Dataset<Row>}, explodes statements into labelled sentences, and registers the SQL
 * function {@code stance(text)}; {@link dev.stance.spark.SparkModel} ships a model to the
 * executors as broadcast bytes, and each executor JVM builds one classifier from them.
 * {@link dev.stance.spark.SparkLabelJob} is the file-to-file job behind the {@code spark-label}
 * command.
 *
 * <p>Spark is a {@code provided} dependency: this package is the only one that imports it, and
 * nothing outside it (except the command that runs the job, after checking that Spark is on the
 * classpath) loads it. Java 17 needs Spark's {@code --add-opens} flags (see the README).
 */
package dev.stance.spark;
