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
        let outcomes = checks.map { $0.evaluate(item, in: document) }
        let failing = outcomes.filter { !$0.passed }
        return CheckOutcome(
            fraction: outcomes.map(\.fraction).min() ?? 1,
            reason: (failing.isEmpty ? outcomes : failing).map(\.reason).joined(separator: "; "),
            evidence: outcomes.flatMap(\.evidence), problems: failing.flatMap(\.problems),
            variables: Self.mergedVariables(outcomes))
    }

    /// The nested outcomes' variables; where several set a name, the first one's value.
    static func mergedVariables(_ outcomes: [CheckOutcome]) -> MessageVariables {
        outcomes.reduce(into: [:]) { result, outcome in
            result.merge(outcome.variables, replacing: false)
        }
    }
}
