/// Whether something is stated at all: a metadata field, a section, or any text in the scope.
public struct PresentCheck: Check {
    public static let kind = CheckKind(
        name: "present",
        summary:
            "Passes when the field or section is given, or when the scope has text, with at least `min_words` words.",
        parameters: [
            ParameterSpec(
                "field", .string,
                "a field (title, area, parties, status, period, commitments, signatories) or a section role; default: the rule's scope"
            ),
            ParameterSpec("min_words", .integer, "the fewest words that count as stated; default 1"),
        ],
        variables: ["field", "count", "min"])

    let field: String?
    let minWords: Int

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        field = parameters.string("field")
        minWords = parameters.integer("min_words") ?? 1
        if let field, !parameters.fieldNames.contains(field) {
            let known = parameters.fieldNames.sorted()
            throw CheckConfigurationError(
                "unknown field '\(field)'\(Suggestion.phrase(for: field, in: known)); known: \(known.joined(separator: ", "))",
                at: parameters.location(of: "field"))
        }
        try parameters.require("min_words", atLeast: 1)
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let words: Int
        if let field {
            words = TokenizedText.wordCount(of: document.spans(forField: field) ?? [])
        } else {
            words = item.text.wordCount
        }
        let fraction = words >= minWords ? 1 : CheckOutcome.shortfall(Double(words), of: Double(minWords))
        return CheckOutcome(
            fraction: fraction, details: Details(field: field, kind: item.kind, words: words, minimum: minWords))
    }

    /// An outcome's reason and variables, from the count of words; made only when read.
    final class Details: OutcomeDetails {
        /// The field looked at, nil for the item's own text.
        let field: String?
        let kind: ScopeItem.Kind
        let words: Int
        let minimum: Int

        init(field: String?, kind: ScopeItem.Kind, words: Int, minimum: Int) {
            self.field = field
            self.kind = kind
            self.words = words
            self.minimum = minimum
        }

        var reason: String {
            var reason = ReasonText(capacity: 48)
            if let field {
                reason.append("'")
                reason.append(field)
                reason.append("'")
            } else {
                reason.append("the ")
                reason.append(kind.rawValue)
            }
            if words >= minimum {
                reason.append(" is stated (")
                reason.append(words)
                reason.append(" words)")
            } else if words == 0 {
                reason.append(" is not stated")
            } else {
                reason.append(" has ")
                reason.append(words)
                reason.append(" words; ")
                reason.append(minimum)
                reason.append(" needed")
            }
            return reason.text
        }

        var evidence: [Hit] { [] }
        var problems: [Hit] { [] }

        var variables: MessageVariables {
            ["field": field ?? kind.rawValue, "count": String(words), "min": String(minimum)]
        }
    }
}
