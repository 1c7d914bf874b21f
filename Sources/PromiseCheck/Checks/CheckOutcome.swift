/// What a check found on one scope item.
public struct CheckOutcome: Sendable {
    /// How far the item satisfies the check, from 0 (not at all) to 1 (fully).
    public var fraction: Double
    /// A short plain explanation for the report, e.g. "found 2 source kinds (statistik, enkät); need 2".
    public var reason: String
    /// Places that support a pass: what was found.
    public var evidence: [Hit]
    /// Places that are themselves the problem (a vague phrase, an impossible date); each
    /// becomes a finding of its own when the item does not pass.
    public var problems: [Hit]
    /// Values for the rule message's `{placeholders}`.
    public var variables: MessageVariables
    /// Why the check did not run (an external program the user has not allowed); the rule
    /// is then reported as skipped and left out of the score.
    public var skipped: String?
    /// Why the check could not give an answer (a program that failed); reported as an error
    /// of the rule, which is left out of the score.
    public var failure: String?

    public init(
        fraction: Double, reason: String, evidence: [Hit] = [], problems: [Hit] = [],
        variables: MessageVariables = [:]
    ) {
        self.fraction = fraction.isFinite ? min(1, max(0, fraction)) : 0
        self.reason = reason
        self.evidence = evidence
        self.problems = problems
        self.variables = variables
    }

    public var passed: Bool { fraction >= 1 }

    /// An outcome for a check that did not run.
    public static func skipped(_ reason: String) -> CheckOutcome {
        var outcome = CheckOutcome(fraction: 0, reason: reason)
        outcome.skipped = reason
        return outcome
    }

    /// An outcome for a check that could not answer.
    public static func failed(_ reason: String) -> CheckOutcome {
        var outcome = CheckOutcome(fraction: 0, reason: reason)
        outcome.failure = reason
        return outcome
    }

    /// The fraction for a count that must reach `needed`: 1 when it does, otherwise partial
    /// credit below one half, so a requirement that is not met never counts as passed
    /// (the pack's pass threshold is one half) while a near miss still scores more than none.
    public static func shortfall(_ found: Double, of needed: Double) -> Double {
        guard needed > 0, found < needed else { return 1 }
        return max(0, 0.5 * found / needed)
    }

    /// A linear grade: 1 at or below `limit`, 0 at or above `zeroAt`.
    public static func graded(_ value: Double, limit: Double, zeroAt: Double) -> Double {
        guard value > limit else { return 1 }
        guard zeroAt > limit else { return 0 }
        return max(0, 1 - (value - limit) / (zeroAt - limit))
    }
}

/// A located piece of text a check points at.
public struct Hit: Sendable, Hashable {
    public var location: SourceLocation
    /// The text as written in the promise.
    public var excerpt: String
    /// Values for message placeholders specific to this place, e.g. `match`.
    public var variables: MessageVariables

    public init(location: SourceLocation, excerpt: String, variables: MessageVariables = [:]) {
        self.location = location
        self.excerpt = excerpt
        self.variables = variables
    }
}

extension TokenizedText {
    /// A hit covering the tokens of a lexicon match, with `match` set to its text.
    public func hit(for match: PhraseMatcher.Match) -> Hit {
        let excerpt = excerpt(match.tokens)
        return Hit(
            location: location(of: tokens[match.tokens.lowerBound]), excerpt: excerpt, variables: ["match": excerpt])
    }
}
