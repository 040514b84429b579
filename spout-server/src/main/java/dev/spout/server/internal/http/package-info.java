/** HTTP plumbing on Jetty: routing, bodies and forms, deadlines, CORS and same-origin checks. Not exported. */
@NullMarked
package dev.spout.server.internal.http;

import org.jspecify.annotations.NullMarked;
