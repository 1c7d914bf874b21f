/// Counts the distinct kinds of source named, e.g. statistics, surveys and dialogues.
public struct SourcesCheck: Check {
    public static let kind = CheckKind(
        name: "sources",
        summary:
            "Counts the distinct groups of a grouped lexicon that the text names (each group a kind of source). Passes with at least `min` kinds.",
        parameters: [
            ParameterSpec("kinds", .lexicon, required: true, "a grouped lexicon: source kind → terms"),
            ParameterSpec("min", .integer, "the fewest distinct kinds that pass; default 2"),
        ],
        variables: ["count", "kinds", "min"])

    let matcher: PhraseMatcher

    public var phraseMatchers: [PhraseMatcher] { [matcher] }
    let minimum: Int

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        guard let lexicon = try parameters.lexicon("kinds") else {
            throw CheckConfigurationError("check 'sources' needs 'kinds'", at: parameters.location)
        }
        guard !lexicon.groups.isEmpty else {
            throw CheckConfigurationError(
                "lexicon '\(lexicon.name)' has no groups; 'kinds' needs a grouped lexicon (kind → terms)",
                at: parameters.location(of: "kinds"))
        }
        matcher = PhraseMatcher(lexicon)
        minimum = parameters.integer("min") ?? 2
        try parameters.require("min", atLeast: 1)
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let matches = matcher.found(in: item.text)
        let entries = matcher.lexicon.entries
        var kinds: [String] = []
        for match in matches {
            if let group = entries[match.entry].group, !kinds.contains(group) { kinds.append(group) }
        }
        let listed = kinds.isEmpty ? "none" : kinds.joined(separator: ", ")
        return CheckOutcome(
            fraction: CheckOutcome.shortfall(Double(kinds.count), of: Double(minimum)),
            reason: "\(kinds.count) kind\(kinds.count == 1 ? "" : "s") of source (\(listed)); \(minimum) needed",
            evidence: matches.map { item.text.hit(covering: $0.tokens) },
            variables: ["count": String(kinds.count), "kinds": listed, "min": String(minimum)])
    }
}
