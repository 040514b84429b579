/** Spout's counters and gauges as Micrometer meters. */
module dev.spout.micrometer {
    requires transitive dev.spout.engine;
    requires transitive micrometer.core;

    exports dev.spout.micrometer;
}
