/**
 * The Mercure protocol on Spout's engine, for any host: {@link dev.spout.mercure.Mercure}, configured by {@link
 * dev.spout.mercure.MercureOptions}.
 */
@NullMarked
package dev.spout.mercure;

import org.jspecify.annotations.NullMarked;
