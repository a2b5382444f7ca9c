package io.serviceaccountbot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A named, documented rule for one kind of value, such as an alias or a country code.
 *
 * <p>A rule first normalises the raw text (trims it, upper-cases a country code, turns E1 into STANDARDPACK), then
 * checks its constraints in order. The first broken constraint is the explanation the admin sees, phrased as a clause
 * that completes "'svc sync' is not a valid alias: ...". A rule never throws from {@link #check(String)}; {@link
 * #require(String)} is for constructors, where a broken rule is a programming error.
 */
public final class ValueRule {

    private final String subject;
    private final String example;
    private final UnaryOperator<String> normaliser;
    private final List<Constraint> constraints;

    private ValueRule(Builder builder) {
        this.subject = builder.subject;
        this.example = builder.example;
        this.normaliser = builder.normaliser;
        this.constraints = List.copyOf(builder.constraints);
    }

    /** Starts a rule for values called {@code subject} (e.g. "alias"), with an example that satisfies it. */
    public static Builder about(String subject, String example) {
        return new Builder(subject, example);
    }

    /** What the value is called in messages, e.g. "alias". */
    public String subject() {
        return subject;
    }

    /** A value that satisfies the rule. */
    public String example() {
        return example;
    }

    /** Normalises {@code raw} and checks it. */
    public Outcome check(String raw) {
        if (raw == null) {
            return new Outcome.Invalid("the " + subject + " is missing");
        }
        String value = normaliser.apply(raw);
        for (Constraint constraint : constraints) {
            if (!constraint.holds().test(value)) {
                return new Outcome.Invalid(constraint.explanation());
            }
        }
        return new Outcome.Valid(value);
    }

    public boolean accepts(String raw) {
        return check(raw) instanceof Outcome.Valid;
    }

    /**
     * The normalised value.
     *
     * @throws IllegalArgumentException if the value breaks the rule
     */
    public String require(String raw) {
        Outcome outcome = check(raw);
        if (outcome instanceof Outcome.Valid valid) {
            return valid.value();
        }
        throw new IllegalArgumentException(
                "'" + raw + "' is not a valid " + subject + ": " + ((Outcome.Invalid) outcome).explanation());
    }

    @Override
    public String toString() {
        return "rule for " + subject;
    }

    /** The result of checking a value. */
    public sealed interface Outcome {

        /** The value satisfies the rule; {@code value} is its normalised form. */
        record Valid(String value) implements Outcome {}

        /** The value breaks the rule; {@code explanation} says which part, in plain words. */
        record Invalid(String explanation) implements Outcome {}
    }

    private record Constraint(String explanation, Predicate<String> holds) {}

    /** Builds a {@link ValueRule}. */
    public static final class Builder {

        private final String subject;
        private final String example;
        private UnaryOperator<String> normaliser = InputText::normalise;
        private final List<Constraint> constraints = new ArrayList<>();

        private Builder(String subject, String example) {
            this.subject = Objects.requireNonNull(subject);
            this.example = Objects.requireNonNull(example);
        }

        /** Applied after the standard normalisation of spaces and quotes. */
        public Builder normalise(UnaryOperator<String> extra) {
            UnaryOperator<String> standard = normaliser;
            normaliser = value -> extra.apply(standard.apply(value));
            return this;
        }

        /** Adds a constraint; {@code explanation} completes "'x' is not a valid alias: ...". */
        public Builder must(String explanation, Predicate<String> holds) {
            constraints.add(new Constraint(explanation, holds));
            return this;
        }

        public ValueRule build() {
            return new ValueRule(this);
        }
    }
}
