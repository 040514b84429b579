/**
 * Spout in Spring Boot: auto-configuration ({@link dev.spout.spring.SpoutAutoConfiguration}), its properties
 * ({@link dev.spout.spring.SpoutProperties}), controllers that return Spout's types ({@link
 * dev.spout.spring.SpoutMvcConfiguration}) and functional routes ({@link dev.spout.spring.SpoutHandlers}).
 */
@NullMarked
package dev.spout.spring;

import org.jspecify.annotations.NullMarked;
