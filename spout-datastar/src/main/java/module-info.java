/**
 * Datastar 1.0's server-sent events as Spout events: {@code datastar-patch-elements}, {@code datastar-patch-signals}
 * and the script helper, which a handler sends or a topic publishes (encoded once, resumable by Spout's ids), and
 * the signals a Datastar request carries. Start at {@link dev.spout.datastar.PatchElements}.
 */
module dev.spout.datastar {
    requires transitive dev.spout.core;
    requires tools.jackson.databind;
    requires static org.jspecify;

    exports dev.spout.datastar;
}
