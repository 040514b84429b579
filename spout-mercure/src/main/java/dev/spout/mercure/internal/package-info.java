/** The Mercure protocol's rules, as the hub applies them: topic selectors, the publish form, the tokens' grants. */
@NullMarked
package dev.spout.mercure.internal;

import org.jspecify.annotations.NullMarked;
