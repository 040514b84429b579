/** The {@code spout-client} command line: its options, its {@code --json} output and its exit codes. */
@NullMarked
package dev.spout.client.cli;

import org.jspecify.annotations.NullMarked;
