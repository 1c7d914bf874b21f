/// The parts of an `all` or `any` outcome, from its nested outcomes.
final class CombinedDetails: OutcomeDetails {
    enum Combination {
        /// `all`: the failing outcomes' reasons (everyone's when none fails) and problems.
        case all(anyFailing: Bool)
        /// `any`: the best outcome's reason and evidence when it passes, otherwise everyone's
        /// reasons, evidence and problems. `best` indexes the first of the highest fractions.
        case any(best: Int)
    }

    let outcomes: NestedOutcomes
    let combination: Combination

    init(_ outcomes: NestedOutcomes, _ combination: Combination) {
        self.outcomes = outcomes
        self.combination = combination
    }

    /// The best outcome of an `any` that passes.
    private var passingBest: CheckOutcome? {
        guard case .any(let best) = combination, outcomes[best].passed else { return nil }
        return outcomes[best]
    }

    var reason: String {
        if let best = passingBest { return best.reason }
        var reasons: [String] = []
        reasons.reserveCapacity(outcomes.count)
        for outcome in outcomes where !failingOnly || !outcome.passed { reasons.append(outcome.reason) }
        return reasons.joined(separator: "; ")
    }

    var evidence: [Hit] { passingBest?.evidence ?? outcomes.flatMap(\.evidence) }

    /// The failing outcomes' problems (those of an `any` that fails are all failing).
    var problems: [Hit] {
        if passingBest != nil { return [] }
        var problems: [Hit] = []
        for outcome in outcomes where !outcome.passed { problems.append(contentsOf: outcome.problems) }
        return problems
    }

    /// Everyone's variables; where several set a name, the first one's value.
    var variables: MessageVariables { addedVariables(capacity: 8) }

    /// Each outcome's variables added in turn, so where several set a name the first stays.
    func addVariables(to variables: inout MessageVariables) {
        for outcome in outcomes { outcome.addVariables(to: &variables) }
    }

    /// Whether only the failing outcomes give reasons: those of an `all` where one fails.
    private var failingOnly: Bool {
        if case .all(let anyFailing) = combination { anyFailing } else { false }
    }
}

/// The outcomes of an `all` or `any`'s nested checks, in order: the first two held inline, as
/// most have two checks, so that most lists need no allocation of their own.
struct NestedOutcomes: RandomAccessCollection, Sendable {
    private let first: CheckOutcome?
    private let second: CheckOutcome?
    /// The outcomes after the first two.
    private let rest: [CheckOutcome]
    let endIndex: Int
    var startIndex: Int { 0 }

    /// The outcomes of `checks` on `item`, evaluated in order. (Borrowed: an initializer
    /// otherwise takes its arguments owned, and its caller copies them.)
    init(evaluating checks: [any Check], on item: borrowing ScopeItem, in document: borrowing Document) {
        endIndex = checks.count
        first = checks.count > 0 ? checks[0].evaluate(item, in: document) : nil
        second = checks.count > 1 ? checks[1].evaluate(item, in: document) : nil
        // A loop, not `map`: a closure here would copy the item and the document.
        var rest: [CheckOutcome] = []
        if checks.count > 2 {
            rest.reserveCapacity(checks.count - 2)
            for index in 2..<checks.count { rest.append(checks[index].evaluate(item, in: document)) }
        }
        self.rest = rest
    }

    subscript(position: Int) -> CheckOutcome {
        guard position >= 2 else {
            if let outcome = position == 0 ? first : second { return outcome }
            preconditionFailure("no nested outcome at \(position)")
        }
        return rest[position - 2]
    }
}
