/**
 * The Mercure protocol on Spout's engine, for any host: {@link dev.spout.mercure.Mercure} publishes a {@code POST}'s
 * update, answers a {@code GET} with a subscription, describes the hub; tokens are verified by Nimbus JOSE+JWT.
 */
module dev.spout.mercure {
    requires transitive dev.spout.engine;
    requires dev.spout.broker;
    requires com.nimbusds.jose.jwt;
    requires tools.jackson.databind;
    requires org.slf4j;
    requires static org.jspecify;

    exports dev.spout.mercure;
}
