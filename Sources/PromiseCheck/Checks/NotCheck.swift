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
        return CheckOutcome(
            fraction: 1 - inner.fraction, reason: "not (\(inner.reason))", evidence: inner.problems,
            problems: inner.passed ? inner.evidence : [], variables: inner.variables)
    }
}
