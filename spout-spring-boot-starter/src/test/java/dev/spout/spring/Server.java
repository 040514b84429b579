package dev.spout.spring;

import dev.spout.spring.app.OnJetty;
import dev.spout.spring.app.StreamsApp;

/** The containers the starter is tested on: Tomcat (Spring Boot's default) and Jetty. */
enum Server {
    TOMCAT,
    JETTY;

    Running start(String... properties) {
        return Running.start(
                this == JETTY ? new Class<?>[] {StreamsApp.class, OnJetty.class} : new Class<?>[] {StreamsApp.class},
                properties);
    }
}
