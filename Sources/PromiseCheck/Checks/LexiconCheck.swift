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
        let numberWords = try parameters.lexicon("number_words")
        matcher = parameters.phraseMatcher(lexicon, of: "terms", numberWords: numberWords, of: "number_words")
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
        // One copy of the text, read by the matcher and kept by the details; reading
        // `item.text` for each made the compiler copy the text's parts through their metadata.
        let text = item.text
        let matches = matcher.found(in: text)
        let count = matches.count
        let fraction: Double
        if count < minimum {
            fraction = CheckOutcome.shortfall(Double(count), of: Double(minimum))
        } else if let maximum, count > maximum {
            fraction = CheckOutcome.graded(Double(count), limit: Double(maximum), zeroAt: Double(zeroAt))
        } else {
            fraction = 1
        }
        return CheckOutcome(
            fraction: fraction, details: Details(minimum: minimum, maximum: maximum, text: text, matches: matches))
    }

    /// An outcome's parts, from the matches: each match a hit, evidence or, above `max`, a problem.
    final class Details: OutcomeDetails {
        let minimum: Int
        let maximum: Int?
        let text: TokenizedText
        let matches: PhraseMatcher.FoundList

        init(minimum: Int, maximum: Int?, text: TokenizedText, matches: PhraseMatcher.FoundList) {
            self.minimum = minimum
            self.maximum = maximum
            self.text = text
            self.matches = matches
        }

        /// Whether there are more than `max` (and so at least `min`).
        private var tooMany: Bool { matches.count >= minimum && maximum.map { matches.count > $0 } ?? false }
        private var hits: [Hit] { matches.map { text.hit(covering: $0.tokens) } }

        var reason: String {
            let count = matches.count
            var reason = ReasonText()
            reason.append("found ")
            reason.append(count)
            if count < minimum {
                reason.append(" of ")
                reason.append(minimum)
                reason.append(" needed")
            } else if let maximum, count > maximum {
                reason.append(", more than ")
                reason.append(maximum)
            }
            LexiconCheck.summarize(excerpts: matches.lazy.map { self.text.excerpt($0.tokens) }, into: &reason)
            return reason.text
        }

        var evidence: [Hit] { tooMany ? [] : hits }
        var problems: [Hit] { tooMany ? hits : [] }

        var variables: MessageVariables { addedVariables(capacity: 3) }

        func addVariables(to variables: inout MessageVariables) {
            variables.setIfAbsent("count", String(matches.count))
            variables.setIfAbsent("min", String(minimum))
            if let maximum { variables.setIfAbsent("max", String(maximum)) }
        }
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
        summarize(excerpts: hits.lazy.map(\.excerpt), into: &reason)
    }

    /// ``summarize(_:into:)`` of hits with these excerpts; reads no further than the sixth
    /// distinct one.
    static func summarize(excerpts: some Collection<String>, into reason: inout ReasonText) {
        var distinct: [String] = []
        distinct.reserveCapacity(Swift.min(excerpts.count, 6))
        for excerpt in excerpts {
            let folded = lowercased(excerpt)
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

    /// `text.lowercased()`, written scalar by scalar (``TokenizedText/latin1Lowercase(_:)``)
    /// when every scalar lies below U+0100, where lower-casing keeps the UTF-8 length.
    static func lowercased(_ text: String) -> String {
        // Most excerpts are in lower case already: then the text itself, with no new string.
        if text.unicodeScalars.allSatisfy({ TokenizedText.latin1Lowercase($0.value) == $0.value }) { return text }
        var isLatin1 = true
        let lower = String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            for scalar in text.unicodeScalars {
                guard let value = TokenizedText.latin1Lowercase(scalar.value) else {
                    isLatin1 = false
                    return 0
                }
                if value < 0x80 {
                    buffer[count] = UInt8(value)
                    count += 1
                } else {
                    buffer[count] = UInt8(0xC0 | (value >> 6))
                    buffer[count + 1] = UInt8(0x80 | (value & 0x3F))
                    count += 2
                }
            }
            return count
        }
        return isLatin1 ? lower : text.lowercased()
    }
}
