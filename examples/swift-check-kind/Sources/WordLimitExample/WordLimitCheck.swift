import PromiseCheck

/// A check kind of our own: each item of the scope has at most `max` words.
///
/// Short commitments are easier to follow up; a pack names this kind as `check: word_limit`.
struct WordLimitCheck: Check {
    static let kind = CheckKind(
        name: "word_limit",
        summary: "Passes when the item has at most `max` words.",
        parameters: [ParameterSpec("max", .integer, required: true, "the most words an item may have")],
        variables: ["count", "max"])

    let maximum: Int

    init(parameters: CheckParameters) throws(CheckConfigurationError) {
        maximum = parameters.integer("max") ?? 0
        try parameters.require("max", atLeast: 1)
    }

    func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let words = item.text.wordCount
        let variables: MessageVariables = ["count": String(words), "max": String(maximum)]
        guard words > maximum else {
            return CheckOutcome(fraction: 1, reason: "\(words) words", variables: variables)
        }
        return CheckOutcome(
            fraction: Double(maximum) / Double(words), reason: "\(words) words, more than \(maximum)",
            variables: variables)
    }
}
