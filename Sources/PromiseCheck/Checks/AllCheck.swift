/// Passes when every nested check passes; its fraction is the smallest of theirs.
public struct AllCheck: Check {
    public static let kind = CheckKind(
        name: "all",
        summary: "Passes when every nested check passes; the fraction is the lowest of theirs.",
        parameters: [
            ParameterSpec("checks", .checks, required: true, "the nested checks, each {check: KIND, with: {…}}")
        ])

    let checks: [any Check]

    public var phraseMatchers: [PhraseMatcher] { checks.flatMap(\.phraseMatchers) }

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        checks = try parameters.checks("checks")
        guard !checks.isEmpty else {
            throw CheckConfigurationError(
                "'checks' must list at least one check", at: parameters.location(of: "checks"))
        }
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let outcomes = NestedOutcomes(evaluating: checks, on: item, in: document)
        // One pass for the lowest fraction and whether any fail, rather than copies of the
        // failing outcomes and of the fractions.
        var fraction = outcomes.first?.fraction ?? 1
        var anyFailing = false
        for outcome in outcomes {
            if outcome.fraction < fraction { fraction = outcome.fraction }
            if !outcome.passed { anyFailing = true }
        }
        return CheckOutcome(fraction: fraction, details: CombinedDetails(outcomes, .all(anyFailing: anyFailing)))
    }
}
