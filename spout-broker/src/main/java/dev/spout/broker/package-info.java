/** The broker SPI: where topics get their one order and ids, in memory or in a distributed store. */
@NullMarked
package dev.spout.broker;

import org.jspecify.annotations.NullMarked;
