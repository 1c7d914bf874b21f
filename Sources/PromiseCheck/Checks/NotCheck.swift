/// Inverts a nested check: what it found becomes the problem.
public struct NotCheck: Check {
    public static let kind = CheckKind(
        name: "not",
        summary:
            "Passes when the nested check fails; the fraction is 1 minus its fraction, and what it found is reported.",
        parameters: [ParameterSpec("check", .check, required: true, "the nested check, {check: KIND, with: {…}}")])

    let check: any Check

    public var phraseMatchers: [PhraseMatcher] { check.phraseMatchers }

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        guard let check = try parameters.check("check") else {
            throw CheckConfigurationError("check 'not' needs 'check'", at: parameters.location)
        }
        self.check = check
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let inner = check.evaluate(item, in: document)
        return CheckOutcome(fraction: 1 - inner.fraction, details: Details(inner: inner))
    }

    /// An outcome's parts, from the nested outcome: its problems are evidence, and what it
    /// found, when it passed, the problems.
    final class Details: OutcomeDetails {
        let inner: CheckOutcome

        init(inner: CheckOutcome) { self.inner = inner }

        var reason: String { "not (\(inner.reason))" }
        var evidence: [Hit] { inner.problems }
        var problems: [Hit] { inner.passed ? inner.evidence : [] }
        var variables: MessageVariables { inner.variables }
        func addVariables(to variables: inout MessageVariables) { inner.addVariables(to: &variables) }
    }
}
