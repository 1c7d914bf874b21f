/// Finds measurable amounts: a number with a unit, a number with a target marker, a percentage.
///
/// A number is a digit run or a word from `number_words`. It is a quantity when a `markers`
/// term ends right before it ("minst fyra"), when a `units` term follows within `gap` words
/// ("fyra trygghetsvandringar per år"), or when `%` follows it. A `not_units` term right after
/// it ("22 februari") rules it out, and a bare year (1900–2099 in four digits) counts only with
/// a unit or with `count_years`, so "årskurs 6" and "under 2023" are no targets.
public struct QuantityCheck: Check {
    public static let kind = CheckKind(
        name: "quantity",
        summary:
            "Counts measurable amounts: numbers (digits or `number_words`) preceded by a `markers` term, followed within `gap` words by a `units` term, or followed by `%`. Passes with at least `min`.",
        parameters: [
            ParameterSpec("number_words", .lexicon, "number words with their values, e.g. två: 2"),
            ParameterSpec(
                "units", .lexicon,
                "terms that make a number after which they stand a quantity, e.g. gånger, timmar, per år"),
            ParameterSpec(
                "markers", .lexicon, "terms that make the number right after them a target, e.g. minst, högst, upp till"
            ),
            ParameterSpec(
                "not_units", .lexicon, "terms that, right after a number, make it no quantity, e.g. month names"),
            ParameterSpec("gap", .integer, "how many words may stand between a number and its unit; default 1"),
            ParameterSpec("min", .integer, "the fewest quantities that pass; default 1"),
            ParameterSpec(
                "count_years", .boolean, "whether a bare year (1900–2099) counts as a quantity; default false"),
        ],
        variables: ["count", "min", "match"])

    let numbers: NumberReader
    let units: PhraseMatcher?
    let markers: PhraseMatcher?
    let notUnits: PhraseMatcher?
    let gap: Int
    let minimum: Int
    let countYears: Bool

    public var phraseMatchers: [PhraseMatcher] { [units, markers, notUnits].compactMap { $0 } }

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        numbers = NumberReader(try parameters.lexicon("number_words"))
        units = try parameters.lexicon("units").map { parameters.phraseMatcher($0, of: "units") }
        markers = try parameters.lexicon("markers").map { parameters.phraseMatcher($0, of: "markers") }
        notUnits = try parameters.lexicon("not_units").map { parameters.phraseMatcher($0, of: "not_units") }
        gap = parameters.integer("gap") ?? 1
        minimum = parameters.integer("min") ?? 1
        countYears = parameters.boolean("count_years") ?? false
        try parameters.require("gap", atLeast: 0)
        try parameters.require("min", atLeast: 1)
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let found = quantities(in: item.text)
        return CheckOutcome(
            fraction: CheckOutcome.shortfall(Double(found.count), of: Double(minimum)),
            details: Details(minimum: minimum, text: item.text, found: found))
    }

    /// An outcome's parts, from the token ranges of the quantities found.
    final class Details: OutcomeDetails {
        let minimum: Int
        let text: TokenizedText
        let found: [Range<Int>]

        init(minimum: Int, text: TokenizedText, found: [Range<Int>]) {
            self.minimum = minimum
            self.text = text
            self.found = found
        }

        var reason: String {
            var reason = ReasonText()
            reason.append("found ")
            reason.append(found.count)
            reason.append(found.count == 1 ? " quantity" : " quantities")
            reason.appendQuoted(found.prefix(5).lazy.map { self.text.excerpt($0) }, more: found.count > 5)
            reason.append("; ")
            reason.append(minimum)
            reason.append(" needed")
            return reason.text
        }

        var evidence: [Hit] {
            found.map { range in
                let excerpt = text.excerpt(range)
                return Hit(
                    location: text.location(of: text.tokens[range.lowerBound]), excerpt: excerpt,
                    variables: ["match": excerpt])
            }
        }

        var problems: [Hit] { [] }

        var variables: MessageVariables { addedVariables(capacity: 3) }

        /// The excerpt for `match` is only made when `variables` has none.
        func addVariables(to variables: inout MessageVariables) {
            variables.setIfAbsent("count", String(found.count))
            variables.setIfAbsent("min", String(minimum))
            if let first = found.first { variables.setIfAbsent("match", text.excerpt(first)) }
        }
    }

    /// The token ranges of the quantities in `text`, each from its marker to its unit.
    func quantities(in text: TokenizedText) -> [Range<Int>] {
        text.foldedBytes.withUnsafeBufferPointer { quantities(in: text, bytes: $0) }
    }

    /// ``quantities(in:)``, where `bytes` are the text's folded bytes.
    private func quantities(in text: TokenizedText, bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let tokens = text.tokens
        let unitEnds = MatchLookup(units?.found(in: text))
        let notUnitStarts = MatchLookup(notUnits?.found(in: text))
        let markerStarts = MatchLookup(markers?.found(in: text))
        func sameSpan(_ index: Int, _ anchor: Int) -> Bool {
            index < tokens.count && tokens[index].spanIndex == tokens[anchor].spanIndex
        }

        var found: [Range<Int>] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard numbers.isNumber(token, bytes: bytes),
                !(sameSpan(index + 1, index) && notUnitStarts.end(startingAt: index + 1) != nil)
            else {
                index += 1
                continue
            }
            var end: Int?
            if sameSpan(index + 1, index), tokens[index + 1].isSymbol("%") {
                end = index + 2
            } else if let unitEnd = unit(after: index, in: tokens, bytes: bytes, unitEnds: unitEnds) {
                end = unitEnd
            }
            let isYear = token.plausibleYear != nil
            let markerStart = markerStarts.start(endingAt: index).flatMap { sameSpan(index, $0) ? $0 : nil }
            guard end != nil || (markerStart != nil && (!isYear || countYears)) || (isYear && countYears) else {
                index += 1
                continue
            }
            var last = end ?? index + 1
            if end == nil, sameSpan(last, index), tokens[last].kind == .word,
                !numbers.isNumber(tokens[last], bytes: bytes)
            {
                // Show what the target counts: "minst fyra trygghetsdialoger".
                last += 1
            }
            found.append((markerStart ?? index)..<last)
            index = last
        }
        return found
    }

    /// Where the unit after the number at `index` ends: within `gap` words, then any units that
    /// follow directly ("timmar per år").
    private func unit(after index: Int, in tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, unitEnds: MatchLookup)
        -> Int?
    {
        let span = tokens[index].spanIndex
        var position = index + 1
        var skipped = 0
        while position < tokens.count, tokens[position].spanIndex == span {
            if var end = unitEnds.end(startingAt: position) {
                while let next = unitEnds.end(startingAt: end), tokens[end].spanIndex == span { end = next }
                return end
            }
            let token = tokens[position]
            guard skipped < gap, token.kind == .word, !numbers.isNumber(token, bytes: bytes) else { return nil }
            skipped += 1
            position += 1
        }
        return nil
    }

    /// Each match's end by its first token; what ``MatchLookup/end(startingAt:)`` must agree with.
    static func endsByStart(_ matches: PhraseMatcher.FoundList?, in text: TokenizedText) -> TokenMap {
        var ends = TokenMap(count: matches?.isEmpty == false ? text.tokens.count + 1 : 0)
        for match in matches ?? [] { ends[match.tokens.lowerBound] = match.tokens.upperBound }
        return ends
    }
}

/// A lexicon's matches in a text looked up by the token they start or end at, without a table
/// of the text's positions.
///
/// ``PhraseMatcher`` finds matches in text order, each of at least one token, and none
/// overlapping, so their starts and their ends both ascend and a lookup halves the list.
struct MatchLookup {
    let matches: PhraseMatcher.FoundList

    init(_ matches: PhraseMatcher.FoundList?) { self.matches = matches ?? [] }

    /// The end of the match that starts at `position`, nil when none does.
    func end(startingAt position: Int) -> Int? {
        let index = firstIndex { $0.lowerBound >= position }
        guard index < matches.count, matches[index].tokens.lowerBound == position else { return nil }
        return matches[index].tokens.upperBound
    }

    /// The start of the match that ends at `position`, nil when none does.
    func start(endingAt position: Int) -> Int? {
        let index = firstIndex { $0.upperBound >= position }
        guard index < matches.count, matches[index].tokens.upperBound == position else { return nil }
        return matches[index].tokens.lowerBound
    }

    /// The index of the first match whose tokens satisfy `isReached`, or the count when none
    /// does; `isReached` must hold for every match after one it holds for.
    func firstIndex(where isReached: (Range<Int>) -> Bool) -> Int {
        var low = 0
        var high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if isReached(matches[middle].tokens) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Token positions by token position, for the few a text's matches mark: one flat array rather
/// than a dictionary, and none at all when nothing is marked.
struct TokenMap {
    private var values: [Int32]

    /// A map of positions `0..<count`, all unset.
    init(count: Int) { values = Array(repeating: -1, count: count) }

    /// The position stored at `position`, nil when none is (or it lies outside the map);
    /// setting one outside the map grows it.
    subscript(position: Int) -> Int? {
        get { position >= 0 && position < values.count && values[position] >= 0 ? Int(values[position]) : nil }
        set {
            guard position >= 0 else { return }
            if position >= values.count { values += Array(repeating: -1, count: position + 1 - values.count) }
            values[position] = newValue.map { Int32(truncatingIfNeeded: $0) } ?? -1
        }
    }
}
