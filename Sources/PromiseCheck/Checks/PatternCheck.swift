import Foundation

/// Regular expressions the text must, or must not, match.
///
/// For words and phrases prefer a `lexicon` check: it matches whole words, case-folded, and
/// is faster. Use this kind for shapes words cannot express (dates, codes, URLs).
public struct PatternCheck: Check {
    public static let kind = CheckKind(
        name: "pattern",
        summary:
            "Passes when `match` occurs at least `min` times and `must_not_match` does not occur; each forbidden match is reported.",
        parameters: [
            ParameterSpec("match", .regex, "a regular expression the text must match"),
            ParameterSpec("must_not_match", .regex, "a regular expression the text must not match"),
            ParameterSpec("min", .integer, "how many matches of `match` are needed; default 1"),
            ParameterSpec("case_sensitive", .boolean, "match case exactly; default false"),
        ],
        variables: ["count", "min", "match"])

    let required: NSRegularExpression?
    let forbidden: NSRegularExpression?
    let minimum: Int
    /// Whether each pattern is tame (``RegexShape/isTame(_:)``), so short texts need no deadline.
    let requiredIsTame: Bool
    let forbiddenIsTame: Bool

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        let caseSensitive = parameters.boolean("case_sensitive") ?? false
        required = try parameters.regex("match", caseSensitive: caseSensitive)
        forbidden = try parameters.regex("must_not_match", caseSensitive: caseSensitive)
        minimum = parameters.integer("min") ?? 1
        requiredIsTame = required.map { RegexShape.isTame($0.pattern) } ?? false
        forbiddenIsTame = forbidden.map { RegexShape.isTame($0.pattern) } ?? false
        guard required != nil || forbidden != nil else {
            throw CheckConfigurationError("check 'pattern' needs 'match' or 'must_not_match'", at: parameters.location)
        }
        try parameters.require("min", atLeast: 1)
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        var evidence: [Hit] = []
        var problems: [Hit] = []
        // A pattern that backtracks catastrophically is stopped, not waited for.
        let deadline = RegexDeadline(
            base: RegexDeadline.patternCheck,
            forTextOfLength: item.text.spans.reduce(0) { $0 + TextLayout.utf16Count($1.text) })
        for span in item.text.spans {
            for (regex, isRequired, tame) in [(required, true, requiredIsTame), (forbidden, false, forbiddenIsTame)] {
                guard let regex else { continue }
                guard let hits = Self.hits(of: regex, in: span, before: deadline, tame: tame) else {
                    return .failed(
                        "matching /\(regex.pattern)/ stopped after \(deadline.limitDescription) on the text at \(span.location); the pattern backtracks too much (nested repetition such as (a+)+?)"
                    )
                }
                if isRequired { evidence += hits } else { problems += hits }
            }
        }
        var fraction = 1.0
        var reasons: [String] = []
        if required != nil {
            fraction = CheckOutcome.shortfall(Double(evidence.count), of: Double(minimum))
            reasons.append("\(evidence.count) of \(minimum) required matches")
        }
        if !problems.isEmpty {
            fraction = 0
            reasons.append("\(problems.count) forbidden match\(problems.count == 1 ? "" : "es")")
        } else if forbidden != nil {
            reasons.append("no forbidden matches")
        }
        return CheckOutcome(
            fraction: fraction, reason: reasons.joined(separator: "; "), evidence: evidence, problems: problems,
            variables: ["count": String(evidence.count), "min": String(minimum)])
    }

    /// The matches of `regex` in `span`, or nil when `deadline` passed first.
    static func hits(of regex: NSRegularExpression, in span: Span, before deadline: RegexDeadline, tame: Bool = false)
        -> [Hit]?
    {
        let text = span.text
        let (matches, finished) = regex.matches(in: text, before: deadline, tame: tame)
        guard finished else { return nil }
        // Matches come in text order, so each one's scalar offset is counted on from the last.
        var offset = 0
        var counted = text.unicodeScalars.startIndex
        return matches.compactMap { match in
            guard let swiftRange = Range(match.range, in: text) else { return nil }
            let excerpt = String(text[swiftRange])
            if swiftRange.lowerBound >= counted {
                offset += text.unicodeScalars.distance(from: counted, to: swiftRange.lowerBound)
            } else {
                offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: swiftRange.lowerBound)
            }
            counted = swiftRange.lowerBound
            return Hit(location: span.location(atScalarOffset: offset), excerpt: excerpt, variables: ["match": excerpt])
        }
    }
}
