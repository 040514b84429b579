package dev.spout.spring.app;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.context.annotation.Bean;

/** The same application on Jetty: Spring Boot takes the application's web server factory over Tomcat. */
public class OnJetty {
    @Bean
    JettyServletWebServerFactory jetty() {
        return new JettyServletWebServerFactory();
    }
}
