/// What a check found on one scope item.
///
/// The engine reads an outcome's fraction for every item but its reason, evidence, problems
/// and variables only for some (those of items that fail, and the first item's reason), so a
/// built-in check may leave them to ``OutcomeDetails`` that work them out when they are read.
/// Reading or setting them is the same either way.
///
/// Everything but the fraction sits in one object, so an outcome is made, copied and
/// destroyed with one reference; setting a part makes a new object (parts are rarely set).
public struct CheckOutcome: Sendable {
    /// How far the item satisfies the check, from 0 (not at all) to 1 (fully).
    public var fraction: Double
    /// A short plain explanation for the report, e.g. "found 2 source kinds (statistik, enkät); need 2".
    public var reason: String {
        get { details.reason }
        set { details = StoredDetails(details, reason: newValue) }
    }
    /// Places that support a pass: what was found.
    public var evidence: [Hit] {
        get { details.evidence }
        set { details = StoredDetails(details, evidence: newValue) }
    }
    /// Places that are themselves the problem (a vague phrase, an impossible date); each
    /// becomes a finding of its own when the item does not pass.
    public var problems: [Hit] {
        get { details.problems }
        set { details = StoredDetails(details, problems: newValue) }
    }
    /// Values for the rule message's `{placeholders}`.
    public var variables: MessageVariables {
        get { details.variables }
        set { details = StoredDetails(details, variables: newValue) }
    }
    /// Why the check did not run (an external program the user has not allowed); the rule
    /// is then reported as skipped and left out of the score.
    public var skipped: String? {
        get { details.skipped }
        set { details = StoredDetails(details, skipped: .some(newValue)) }
    }
    /// Why the check could not give an answer (a program that failed); reported as an error
    /// of the rule, which is left out of the score.
    public var failure: String? {
        get { details.failure }
        set { details = StoredDetails(details, failure: .some(newValue)) }
    }

    /// Adds the values of ``variables`` to `variables`, keeping the values it has:
    /// `variables.merge(self.variables, replacing: false)`, without building the values of
    /// names it has or a list of its own where the details can add theirs one by one.
    func addVariables(to variables: inout MessageVariables) { details.addVariables(to: &variables) }

    /// Gives (or works out, when read) every part but the fraction.
    private var details: any OutcomeDetails

    public init(
        fraction: Double, reason: String, evidence: [Hit] = [], problems: [Hit] = [],
        variables: MessageVariables = [:]
    ) {
        self.fraction = Self.clamped(fraction)
        self.details = StoredDetails(
            reason: reason, evidence: evidence, problems: problems, variables: variables, skipped: nil, failure: nil)
    }

    /// An outcome whose reason, evidence, problems and variables `details` work out when read.
    init(fraction: Double, details: some OutcomeDetails) {
        self.fraction = Self.clamped(fraction)
        self.details = details
    }

    private static func clamped(_ fraction: Double) -> Double {
        fraction.isFinite ? min(1, max(0, fraction)) : 0
    }

    public var passed: Bool { fraction >= 1 }

    /// An outcome for a check that did not run.
    public static func skipped(_ reason: String) -> CheckOutcome {
        CheckOutcome(
            fraction: 0,
            details: StoredDetails(
                reason: reason, evidence: [], problems: [], variables: [:], skipped: reason, failure: nil))
    }

    /// An outcome for a check that could not answer.
    public static func failed(_ reason: String) -> CheckOutcome {
        CheckOutcome(
            fraction: 0,
            details: StoredDetails(
                reason: reason, evidence: [], problems: [], variables: [:], skipped: nil, failure: reason))
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

/// The parts of a ``CheckOutcome`` beyond its fraction, worked out each time they are read.
///
/// A check that keeps what it found (token ranges, matches, nested outcomes) in such an object
/// builds no excerpts, hits, reason or variables for the many items whose outcome nobody reads
/// in full. The object must not change once made, so every read gives the same parts.
protocol OutcomeDetails: AnyObject, Sendable {
    var reason: String { get }
    var evidence: [Hit] { get }
    var problems: [Hit] { get }
    var variables: MessageVariables { get }
    /// See ``CheckOutcome/addVariables(to:)``; by default a merge of ``variables``.
    func addVariables(to variables: inout MessageVariables)
    /// See ``CheckOutcome/skipped``; nil unless stored.
    var skipped: String? { get }
    /// See ``CheckOutcome/failure``; nil unless stored.
    var failure: String? { get }
}

extension OutcomeDetails {
    func addVariables(to variables: inout MessageVariables) { variables.merge(self.variables, replacing: false) }

    /// ``addVariables(to:)`` on an empty list with room for `capacity` names, in one allocation:
    /// ``variables`` for details that add their values one by one.
    func addedVariables(capacity: Int) -> MessageVariables {
        var variables = MessageVariables()
        variables.reserveCapacity(capacity)
        addVariables(to: &variables)
        return variables
    }
    var skipped: String? { nil }
    var failure: String? { nil }
}

/// Parts given as they are: those of the public initializer, and of an outcome a part of
/// which was set (the other parts read from the details it had).
final class StoredDetails: OutcomeDetails {
    let reason: String
    let evidence: [Hit]
    let problems: [Hit]
    let variables: MessageVariables
    let skipped: String?
    let failure: String?

    init(
        reason: String, evidence: [Hit], problems: [Hit], variables: MessageVariables, skipped: String?,
        failure: String?
    ) {
        self.reason = reason
        self.evidence = evidence
        self.problems = problems
        self.variables = variables
        self.skipped = skipped
        self.failure = failure
    }

    /// The parts of `details`, with those given replaced.
    convenience init(
        _ details: any OutcomeDetails, reason: String? = nil, evidence: [Hit]? = nil, problems: [Hit]? = nil,
        variables: MessageVariables? = nil, skipped: String?? = nil, failure: String?? = nil
    ) {
        self.init(
            reason: reason ?? details.reason, evidence: evidence ?? details.evidence,
            problems: problems ?? details.problems, variables: variables ?? details.variables,
            skipped: skipped ?? details.skipped, failure: failure ?? details.failure)
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
    public func hit(for match: PhraseMatcher.Match) -> Hit { hit(covering: match.tokens) }

    /// A hit covering `tokens` (not empty), with `match` set to their text.
    func hit(covering tokens: Range<Int>) -> Hit {
        let excerpt = excerpt(tokens)
        return Hit(
            location: location(of: self.tokens[tokens.lowerBound]), excerpt: excerpt, variables: ["match": excerpt])
    }
}
