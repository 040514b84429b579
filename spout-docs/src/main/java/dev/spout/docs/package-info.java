/**
 * The code of the README's and docs' Java snippets, each in a file the build compiles; {@code DocSnippetsTest} checks
 * that every document shows it as it is.
 */
@NullMarked
package dev.spout.docs;

import org.jspecify.annotations.NullMarked;
