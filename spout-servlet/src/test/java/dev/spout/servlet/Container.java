package dev.spout.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee11.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Servlet containers spout-servlet is tested on, each a real server on an ephemeral loopback port with async
 * support on every servlet and filter (as Spring Boot registers them).
 */
enum Container {
    TOMCAT {
        @Override
        Running start(Deployment deployment) throws Exception {
            Path base = Files.createTempDirectory("spout-tomcat");
            var tomcat = new Tomcat();
            tomcat.setBaseDir(base.toString());
            var connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            connector.setProperty("connectionTimeout", Long.toString(deployment.idleTimeout.toMillis()));
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", base.toString());
            deployment.filters.forEach((name, filter) -> {
                var def = new FilterDef();
                def.setFilterName(name);
                def.setFilter(filter);
                def.setAsyncSupported("true");
                context.addFilterDef(def);
                var map = new FilterMap();
                map.setFilterName(name);
                map.addURLPattern("/*");
                context.addFilterMap(map);
            });
            deployment.servlets.forEach((path, servlet) -> {
                String name = "servlet" + path;
                Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
                wrapper.setAsyncSupported(true);
                context.addServletMappingDecoded(path, name);
            });
            if (!deployment.listeners.isEmpty()) {
                context.addServletContainerInitializer(
                        (classes, servletContext) -> deployment.listeners.forEach(servletContext::addListener), null);
            }
            if (deployment.errorPage != null) {
                Tomcat.addServlet(context, "error-page", deployment.errorPage);
                context.addServletMappingDecoded(ERROR_PAGE, "error-page");
                var page = new ErrorPage();
                page.setLocation(ERROR_PAGE); // the default page: every status and exception
                context.addErrorPage(page);
            }
            tomcat.start();
            return new Running(connector.getLocalPort(), () -> {
                tomcat.stop();
                tomcat.destroy();
            });
        }
    },
    JETTY {
        @Override
        Running start(Deployment deployment) throws Exception {
            var server = new Server();
            var connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            connector.setIdleTimeout(deployment.idleTimeout.toMillis());
            server.addConnector(connector);
            var context = new ServletContextHandler(ServletContextHandler.SESSIONS);
            context.setContextPath("/");
            deployment.listeners.forEach(context::addEventListener);
            deployment.filters.forEach((name, filter) -> {
                var holder = new FilterHolder(filter);
                holder.setAsyncSupported(true);
                context.addFilter(holder, "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
            });
            deployment.servlets.forEach((path, servlet) -> {
                var holder = new ServletHolder(servlet);
                holder.setAsyncSupported(true);
                context.addServlet(holder, path);
            });
            if (deployment.errorPage != null) {
                context.addServlet(new ServletHolder(deployment.errorPage), ERROR_PAGE);
                var pages = new ErrorPageErrorHandler();
                pages.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, ERROR_PAGE);
                context.setErrorHandler(pages);
            }
            server.setHandler(context);
            server.start();
            return new Running(connector.getLocalPort(), server::stop);
        }
    };

    /** Where a deployment's error page is, when it has one. */
    static final String ERROR_PAGE = "/error-page";

    abstract Running start(Deployment deployment) throws Exception;

    /** What a test deploys: servlets by path, filters in front of all of them, the connector's idle timeout. */
    static final class Deployment {
        final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        final Map<String, Filter> filters = new LinkedHashMap<>();
        final List<EventListener> listeners = new ArrayList<>();
        Duration idleTimeout = Duration.ofSeconds(30);
        HttpServlet errorPage;

        Deployment servlet(String path, HttpServlet servlet) {
            servlets.put(path, servlet);
            return this;
        }

        Deployment listener(EventListener listener) {
            listeners.add(listener);
            return this;
        }

        Deployment filter(String name, Filter filter) {
            filters.put(name, filter);
            return this;
        }

        /** The container's error page for every error, as Spring Boot registers its {@code /error}. */
        Deployment errorPage(HttpServlet servlet) {
            errorPage = servlet;
            return this;
        }

        Deployment idleTimeout(Duration timeout) {
            idleTimeout = timeout;
            return this;
        }
    }

    /** A started container. */
    record Running(int port, Stopper stopper) implements AutoCloseable {
        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        @Override
        public void close() throws Exception {
            stopper.stop();
        }
    }

    @FunctionalInterface
    interface Stopper {
        void stop() throws Exception;
    }
}
