/// Counts a lexicon's terms: at least `min`, and, when `max` is set, graded down above it.
///
/// With `max`, every occurrence becomes a finding once there are too many, so a writer sees
/// each empty phrase where it stands.
public struct LexiconCheck: Check {
    public static let kind = CheckKind(
        name: "lexicon",
        summary:
            "Counts the terms of a lexicon. Passes with at least `min` and at most `max` occurrences; above `max` the fraction falls linearly to 0 at `zero_at`.",
        parameters: [
            ParameterSpec(
                "terms", .lexicon, required: true, "the lexicon to count: a name from the pack's lexicons, or a list"),
            ParameterSpec("number_words", .lexicon, "number words that fill `{n}` in terms"),
            ParameterSpec("min", .integer, "the fewest occurrences that pass; default 1, or 0 when `max` is set"),
            ParameterSpec("max", .integer, "the most occurrences that pass"),
            ParameterSpec("zero_at", .integer, "the count at which the fraction reaches 0; default 2 × max + 2"),
        ],
        variables: ["count", "min", "max", "match"])

    let matcher: PhraseMatcher
    let minimum: Int
    let maximum: Int?
    let zeroAt: Int

    public var phraseMatchers: [PhraseMatcher] { [matcher] }

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        guard let lexicon = try parameters.lexicon("terms") else {
            throw CheckConfigurationError("check 'lexicon' needs 'terms'", at: parameters.location)
        }
        let numberWords = try parameters.lexicon("number_words")?.wordValues ?? [:]
        matcher = PhraseMatcher(lexicon, numberWords: numberWords)
        maximum = parameters.integer("max")
        minimum = parameters.integer("min") ?? (maximum == nil ? 1 : 0)
        zeroAt = parameters.integer("zero_at") ?? ((maximum ?? 0) * 2 + 2)
        try parameters.require("min", atLeast: 0)
        try parameters.require("max", atLeast: 0)
        if let maximum, maximum < minimum {
            throw CheckConfigurationError(
                "'max' (\(maximum)) is below 'min' (\(minimum))", at: parameters.location(of: "max"))
        }
        if let maximum, zeroAt <= maximum {
            throw CheckConfigurationError("'zero_at' must be above 'max'", at: parameters.location(of: "zero_at"))
        }
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let matches = matcher.matches(in: item.text)
        let hits = matches.map(item.text.hit(for:))
        let count = matches.count
        var variables: MessageVariables = ["count": String(count), "min": String(minimum)]
        if let maximum { variables["max"] = String(maximum) }
        var reason = ReasonText()
        reason.append("found ")
        reason.append(count)
        if count < minimum {
            reason.append(" of ")
            reason.append(minimum)
            reason.append(" needed")
            Self.summarize(hits, into: &reason)
            return CheckOutcome(
                fraction: CheckOutcome.shortfall(Double(count), of: Double(minimum)), reason: reason.text,
                evidence: hits, variables: variables)
        }
        if let maximum, count > maximum {
            reason.append(", more than ")
            reason.append(maximum)
            Self.summarize(hits, into: &reason)
            let fraction = CheckOutcome.graded(Double(count), limit: Double(maximum), zeroAt: Double(zeroAt))
            return CheckOutcome(fraction: fraction, reason: reason.text, problems: hits, variables: variables)
        }
        Self.summarize(hits, into: &reason)
        return CheckOutcome(fraction: 1, reason: reason.text, evidence: hits, variables: variables)
    }

    /// ": "a", "b" …" listing up to five distinct excerpts, or nothing.
    ///
    /// Excerpts count as distinct by their lower case (`String.lowercased()`, compared as
    /// `String`s are); once a sixth is found the rest only add the ellipsis, so the work is
    /// bounded by the hits and six comparisons each.
    static func summarize(_ hits: [Hit]) -> String {
        var reason = ReasonText(capacity: 64)
        summarize(hits, into: &reason)
        return reason.text
    }

    /// ``summarize(_:)`` appended to `reason`, without a string of its own in between.
    static func summarize(_ hits: [Hit], into reason: inout ReasonText) {
        var distinct: [String] = []
        distinct.reserveCapacity(Swift.min(hits.count, 6))
        for hit in hits {
            let folded = lowercased(hit.excerpt)
            guard !distinct.contains(folded) else { continue }
            distinct.append(folded)
            if distinct.count > 5 { break }
        }
        reason.appendQuoted(distinct.prefix(5), more: distinct.count > 5)
    }

    /// ``summarize(_:)`` with sets of every excerpt; what it must agree with.
    static func referenceSummarize(_ hits: [Hit]) -> String {
        var written: Set<String> = []
        var seen: Set<String> = []
        var distinct: [String] = []
        for hit in hits where written.insert(hit.excerpt).inserted {
            let folded = hit.excerpt.lowercased()
            if seen.insert(folded).inserted { distinct.append(folded) }
        }
        guard !distinct.isEmpty else { return "" }
        let shown = distinct.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
        return ": " + shown + (distinct.count > 5 ? ", …" : "")
    }

    /// `text.lowercased()`, mapped byte by byte when every scalar lies below U+0100.
    ///
    /// Below U+0100 lower-casing maps one scalar to one: A–Z and À–Þ (but ×) move by 0x20,
    /// everything else stays. Text unchanged by that is returned as it is.
    static func lowercased(_ text: String) -> String {
        enum Folding { case unchanged, unmapped, mapped(String) }
        var text = text
        let folding = text.withUTF8 { utf8 -> Folding in
            var index = 0
            var changes = false
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    if byte &- 0x41 < 26 { changes = true }
                    index += 1
                } else if byte == 0xC3 || byte == 0xC2, index + 1 < utf8.count {
                    // U+00C0–U+00DE are C3 80–C3 9E; U+00D7 (×) is C3 97.
                    let next = utf8[index + 1]
                    if byte == 0xC3, next <= 0x9E, next != 0x97 { changes = true }
                    index += 2
                } else {
                    return .unmapped
                }
            }
            guard changes else { return .unchanged }
            return .mapped(
                String(unsafeUninitializedCapacity: utf8.count) { buffer in
                    var index = 0
                    while index < utf8.count {
                        var byte = utf8[index]
                        if byte < 0x80 {
                            if byte &- 0x41 < 26 { byte += 0x20 }
                        } else if byte == 0xC3, utf8[index + 1] <= 0x9E, utf8[index + 1] != 0x97 {
                            buffer[index] = byte
                            buffer[index + 1] = utf8[index + 1] + 0x20
                            index += 2
                            continue
                        }
                        buffer[index] = byte
                        index += 1
                    }
                    return utf8.count
                })
        }
        switch folding {
        case .unchanged: return text
        case .unmapped: return text.lowercased()
        case .mapped(let lower): return lower
        }
    }
}
