/// Passes when at least one nested check passes; its fraction is the largest of theirs.
public struct AnyCheck: Check {
    public static let kind = CheckKind(
        name: "any",
        summary: "Passes when at least one nested check passes; the fraction is the highest of theirs.",
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
        guard !outcomes.isEmpty else { return CheckOutcome(fraction: 0, reason: "no checks") }
        // The first of the highest fractions, as `max(by:)` picks it, by index: no copy of it.
        var best = 0
        for index in outcomes.indices.dropFirst() where outcomes[best].fraction < outcomes[index].fraction {
            best = index
        }
        let fraction = outcomes[best].passed ? 1 : outcomes[best].fraction
        return CheckOutcome(fraction: fraction, details: CombinedDetails(outcomes, .any(best: best)))
    }
}
