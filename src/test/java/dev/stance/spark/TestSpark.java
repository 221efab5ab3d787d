package dev.stance.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local[2] Spark session for all tests of the JVM (starting one costs seconds); Spark stops it
 * at JVM exit. Tests that run {@link SparkLabelJob} find it active and leave it running.
 */
public final class TestSpark {

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        return SparkSession.builder()
                .appName("stance-classifier tests")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
