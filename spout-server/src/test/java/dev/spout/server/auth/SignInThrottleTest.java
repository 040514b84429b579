package dev.spout.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle's bookkeeping: a client is an IPv4 address or an IPv6 /64, and what it tracks never grows past its bound. */
class SignInThrottleTest {
    final SignInThrottle throttle = SignInThrottle.of(5, Duration.ofMinutes(15));

    @Test
    void oneIpv6ClientIsItsWhole64() {
        for (int i = 1; i <= 5; i++) {
            throttle.failed("2001:db8:7:1:0:0:0:" + Integer.toHexString(i), "ann");
        }
        assertThat(throttle.waitBefore("2001:db8:7:1:ffff:ffff:ffff:ffff", "bob"))
                .as("another address of the same /64")
                .isPositive();
        assertThat(throttle.waitBefore("2001:db8:7:2::1", "bob"))
                .as("the next /64")
                .isZero();
        assertThat(throttle.waitBefore("192.0.2.1", "bob")).isZero();
    }

    @Test
    void anIpv4ClientIsItsAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("192.0.2.1", "ann");
        }
        assertThat(throttle.waitBefore("192.0.2.1", "bob")).isPositive();
        assertThat(throttle.waitBefore("192.0.2.2", "bob")).isZero();
        assertThat(throttle.waitBefore("::ffff:192.0.2.1", "bob"))
                .as("IPv4 in IPv6 form")
                .isPositive();
    }

    @Test
    void whatItTracksNeverExceedsItsBoundHoweverManyClientsFail() {
        for (int i = 0; i < 150_000; i++) {
            // every one another /64, as 50,000 IPv6 addresses were in the review
            throttle.failed(
                    "2001:db8:" + Integer.toHexString(i >> 16) + ":" + Integer.toHexString(i & 0xffff) + "::1",
                    "user" + (i % 10));
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(100_000);
        assertThat(throttle.waitBefore("2001:db8:2:49ef::2", "user9"))
                .as("a name tried from many clients is still throttled by its own count")
                .isPositive();
    }
}
