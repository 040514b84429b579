package dev.spout.mercure.internal;

import dev.spout.engine.topic.EventFilter;
import java.time.InstantSource;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One subscriber's view of the hub's log: an update reaches it if one of the update's topics is selected by one of its
 * selectors, and, for a private update, if its token grants {@code subscribe} on one of them too, and has not expired
 * (the engine ends the stream when its token expires, within a tick; until then no private update after that
 * instant). Asked for every update, live or replayed, so a reconnecting subscriber is checked again.
 *
 * <pre>{@code
 * Subscription.to(log).filtered(new SubscriberFilter(selectors, grants));
 * }</pre>
 *
 * @param selectors what the subscriber asked for
 * @param grants what its token allows ({@link Grants#NONE} for an anonymous subscriber: public updates only)
 * @param clock what tells the time, against the token's expiry
 * @param presence what announces the subscriber when its stream opens and ends, or null where the hub does not
 */
record SubscriberFilter(
        List<TopicSelector> selectors,
        Grants grants,
        InstantSource clock,
        ActiveSubscriptions.@Nullable Presence presence)
        implements EventFilter {

    /** The character reads one subscriber's templates and patterns may take to decide on one update. */
    static final long MAX_READS = 200_000;

    SubscriberFilter {
        selectors = List.copyOf(selectors);
    }

    SubscriberFilter(List<TopicSelector> selectors, Grants grants) {
        this(selectors, grants, InstantSource.system(), null);
    }

    SubscriberFilter(List<TopicSelector> selectors, Grants grants, InstantSource clock) {
        this(selectors, grants, clock, null);
    }

    /** The stream ends when its token expires; the subscriber reconnects with a new one. */
    @Override
    public java.time.@Nullable Instant endsAt() {
        return grants.expires();
    }

    @Override
    public void opened() {
        if (presence != null) {
            presence.opened();
        }
    }

    @Override
    public void closed() {
        if (presence != null) {
            presence.closed();
        }
    }

    @Override
    public boolean accepts(List<String> labels) {
        // Asked for every update and every subscriber: the labels are read in place (no view, no copy) until a
        // private update needs its topics as a list for the grants.
        if (!UpdateLabels.isHubs(labels) || !selected(labels)) {
            return false;
        }
        if (!UpdateLabels.isPrivate(labels)) {
            return true;
        }
        return (grants.expires() == null || clock.instant().isBefore(grants.expires()))
                && grants.maySubscribe(UpdateLabels.topics(labels));
    }

    /**
     * Whether a selector selects one of the update's topics (its labels after the first). The templates' and patterns'
     * reads share one budget for the whole decision, made only if one of them is asked: a subscriber's 64 selectors
     * cost an update no more than one selector may.
     */
    private boolean selected(List<String> labels) {
        BudgetedText.Budget budget = null;
        for (int t = 1; t < labels.size(); t++) {
            String topic = labels.get(t);
            for (int s = 0; s < selectors.size(); s++) {
                TopicSelector selector = selectors.get(s);
                boolean matched;
                if (selector instanceof TopicSelector.Any || selector instanceof TopicSelector.Exact) {
                    matched = selector.matches(topic);
                } else {
                    if (budget == null) {
                        budget = new BudgetedText.Budget(MAX_READS);
                    }
                    matched = selector.matches(topic, budget);
                }
                if (matched) {
                    return true;
                }
            }
        }
        return false;
    }
}
