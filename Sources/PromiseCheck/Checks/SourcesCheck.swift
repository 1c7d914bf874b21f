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
    /// The lexicon's distinct groups, in lexicon order.
    let groupNames: [String]
    /// The number in `groupNames` of each entry's group, -1 for an entry without one.
    let entryGroups: [Int]

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
        matcher = parameters.phraseMatcher(lexicon, of: "kinds")
        var numbers: [String: Int] = [:]
        var names: [String] = []
        entryGroups = lexicon.entries.map { entry in
            guard let group = entry.group else { return -1 }
            if let number = numbers[group] { return number }
            numbers[group] = names.count
            names.append(group)
            return names.count - 1
        }
        groupNames = names
        minimum = parameters.integer("min") ?? 2
        try parameters.require("min", atLeast: 1)
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let matches = matcher.found(in: item.text)
        // The distinct groups by number, in order of appearance: no strings compared or built.
        var kinds: [Int] = []
        for match in matches {
            let group = entryGroups[match.entry]
            if group >= 0, !kinds.contains(group) { kinds.append(group) }
        }
        return CheckOutcome(
            fraction: CheckOutcome.shortfall(Double(kinds.count), of: Double(minimum)),
            details: Details(
                minimum: minimum, text: item.text, matches: matches, kinds: kinds, groupNames: groupNames))
    }

    /// An outcome's parts, from the matches and the groups they name: every match is evidence.
    final class Details: OutcomeDetails {
        let minimum: Int
        let text: TokenizedText
        let matches: PhraseMatcher.FoundList
        /// Numbers into `groupNames`, in order of appearance.
        let kinds: [Int]
        let groupNames: [String]

        init(minimum: Int, text: TokenizedText, matches: PhraseMatcher.FoundList, kinds: [Int], groupNames: [String]) {
            self.minimum = minimum
            self.text = text
            self.matches = matches
            self.kinds = kinds
            self.groupNames = groupNames
        }

        /// The kinds named, or "none".
        private var listed: String {
            kinds.isEmpty ? "none" : kinds.map { groupNames[$0] }.joined(separator: ", ")
        }

        var reason: String {
            var reason = ReasonText(capacity: 64)
            reason.append(kinds.count)
            reason.append(kinds.count == 1 ? " kind of source (" : " kinds of source (")
            if kinds.isEmpty { reason.append("none") }
            for (position, kind) in kinds.enumerated() {
                if position > 0 { reason.append(", ") }
                reason.append(groupNames[kind])
            }
            reason.append("); ")
            reason.append(minimum)
            reason.append(" needed")
            return reason.text
        }

        var evidence: [Hit] { matches.map { text.hit(covering: $0.tokens) } }
        var problems: [Hit] { [] }

        var variables: MessageVariables {
            ["count": String(kinds.count), "kinds": listed, "min": String(minimum)]
        }
    }
}
