package dev.spout.mercure.internal;

/**
 * A string as a regular expression engine reads it, a character at a time, until a budget of reads shared by every
 * text of one decision is spent: a bound, rather than a time, on what a backtracking match may cost. Patterns that
 * could try very many ways to split a topic (groups next to each other, nested repetition) then give "no match" at
 * the bound instead of holding a thread.
 *
 * <pre>{@code
 * var budget = new BudgetedText.Budget(200_000);
 * try {
 *     return pattern.matcher(new BudgetedText(topic, budget)).matches();
 * } catch (BudgetedText.Exhausted tooCostly) {
 *     return false;
 * }
 * }</pre>
 */
final class BudgetedText implements CharSequence {

    /** Thrown by a read past the budget; without a stack trace, as it is expected and caught at once. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super(null, null, false, false);
        }
    }

    /** The reads left to one decision. */
    static final class Budget {
        private long left;

        Budget(long reads) {
            this.left = reads;
        }

        void spend() {
            if (--left < 0) {
                throw new Exhausted();
            }
        }
    }

    private final String text;
    private final Budget budget;

    BudgetedText(String text, Budget budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        budget.spend();
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BudgetedText(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
        return text;
    }
}
