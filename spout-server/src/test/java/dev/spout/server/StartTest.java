package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** What {@link Spout#start} binds, what it says it bound, and what it says when it cannot. */
class StartTest {

    @Test
    void startWithAPortListensOnEveryInterfaceAndSaysSo() throws IOException {
        try (LogCapture logs = new LogCapture();
                Spout app = Spout.create().start(0)) {
            InetSocketAddress bound = app.address();
            assertThat(bound.getAddress().isAnyLocalAddress()).isTrue();
            assertThat(app.uri().toString()).isEqualTo("http://localhost:" + app.port() + "/");
            assertThat(logs.messages(Spout.class.getName()))
                    .containsExactly("Spout is listening on every interface, port " + app.port() + ": " + app.uri());
            try (Socket socket = new Socket("127.0.0.1", app.port())) {
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    @Test
    void startWithAHostListensThereOnlyAndSaysSo() {
        try (LogCapture logs = new LogCapture();
                Spout app = Spout.create().start("127.0.0.1", 0)) {
            assertThat(app.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(app.address().getAddress().isAnyLocalAddress()).isFalse();
            assertThat(app.uri().toString()).isEqualTo("http://127.0.0.1:" + app.port() + "/");
            assertThat(logs.messages(Spout.class.getName()))
                    .containsExactly("Spout is listening on 127.0.0.1 only, port " + app.port() + ": " + app.uri());
        }
    }

    @Test
    void anIpv6LiteralGetsBracketsInTheUri() {
        try (Spout app = Spout.create().start("::1", 0)) {
            assertThat(app.uri().toString()).isEqualTo("http://[::1]:" + app.port() + "/");
        }
    }

    @Test
    void aPortInUseIsAClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                Spout app = Spout.create()) {
            assertThatThrownBy(() -> app.start("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot start Spout: port " + taken.getLocalPort() + " is in use on 127.0.0.1"
                            + " (another server listens there; choose another port, or 0 for a free one)")
                    .hasRootCauseInstanceOf(java.net.BindException.class);
        }
    }

    @Test
    void closeSaysThatSpoutStopped() {
        try (LogCapture logs = new LogCapture()) {
            Spout.create().start("127.0.0.1", 0).close();
            assertThat(logs.messages(Spout.class.getName()))
                    .contains("Spout has stopped: every stream ended, the server closed");
        }
    }

    @Test
    void theAddressBeforeStartIsAnError() {
        try (Spout app = Spout.create()) {
            assertThatThrownBy(app::address).hasMessageContaining("call start first");
        }
    }
}
