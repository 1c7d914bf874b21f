/// Finds the validity period of a promise, and checks that its dates exist.
///
/// Reads the document's structured `period` (`from`/`to` as `YYYY-MM-DD`, and its free text),
/// then the item's text: ISO dates, "D month YYYY", "month YYYY", ranges of dates or years
/// joined by `-`, `/` or a `range_words` term ("2023–24", "2022 och 2023"), and a single year
/// or date when a `cues` term stands within `window` tokens before it ("gäller under 2020"). A
/// single year without a cue ("klagomål under 2019") dates something else and does not count;
/// in the period's own free text every year counts, as the field itself is the cue.
///
/// Every date read is validated, wherever it stands: one that cannot exist ("31 juni 2023")
/// makes the item fail even when a valid period is also found, as the period cannot then be
/// trusted. Ranges that end before they start or run longer than `max_years` are problems and
/// are no period.
public struct PeriodCheck: Check {
    public static let kind = CheckKind(
        name: "period",
        summary:
            "Finds the validity period (structured dates, date and year ranges, or a year or date after a `cues` term) and validates every date. Passes when a valid period is found and no date is impossible.",
        parameters: [
            ParameterSpec("months", .lexicon, "month names with their numbers 1–12"),
            ParameterSpec("cues", .lexicon, "terms that mark a validity statement, e.g. gäller, under perioden"),
            ParameterSpec(
                "range_words", .lexicon,
                "words that join two dates or years, e.g. till, och; `-`, `–` and `/` always join"),
            ParameterSpec(
                "window", .integer, "how many tokens before a single year or date a cue may stand; default 6"),
            ParameterSpec("max_years", .number, "the longest period in years that is not a problem; default 5"),
        ],
        variables: ["period", "from", "to", "match"])

    let months: WordTable<Int>
    let cues: PhraseMatcher?
    let rangeWords: PhraseMatcher?

    public var phraseMatchers: [PhraseMatcher] { [cues, rangeWords].compactMap { $0 } }
    let window: Int
    let maxYears: Double
    /// `max_years` in whole months, the unit periods are measured in.
    let maxMonths: Int

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        months = try DateReading.monthNumbers(parameters, "months")
        cues = try parameters.lexicon("cues").map { PhraseMatcher($0) }
        rangeWords = try parameters.lexicon("range_words").map { PhraseMatcher($0) }
        window = parameters.integer("window") ?? 6
        maxYears = parameters.number("max_years") ?? 5
        try parameters.require("window", atLeast: 0)
        guard maxYears > 0 else {
            throw CheckConfigurationError("'max_years' must be above 0", at: parameters.location(of: "max_years"))
        }
        maxMonths = max(1, Int((min(maxYears, 10_000) * 12).rounded()))
    }

    /// A valid period found.
    struct FoundPeriod {
        var label: String
        var from: String?
        var to: String?
        var hit: Hit
    }

    /// What reading one or more texts found.
    struct Findings {
        var periods: [FoundPeriod] = []
        /// Dates that cannot exist, or structured dates that cannot be read.
        var impossible: [Hit] = []
        /// Ranges that end before they start or are too long, with the reason for each.
        var rangeProblems: [(hit: Hit, reason: String)] = []
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        var findings = Findings()
        if let period = document.period {
            readStructured(period, into: &findings)
            if let text = period.text { scan(TokenizedText([text]), cued: true, into: &findings) }
        }
        scan(item.text, cued: false, into: &findings)

        let impossible = Self.unique(findings.impossible)
        let rangeProblems = Self.unique(findings.rangeProblems.map(\.hit))
        let evidence = Self.unique(findings.periods.map(\.hit))
        var variables: MessageVariables = [:]
        if let first = findings.periods.first {
            variables["period"] = first.label
            variables["from"] = first.from
            variables["to"] = first.to
        }
        if let first = impossible.first {
            variables["match"] = first.excerpt
            let noun = impossible.count == 1 ? "date" : "dates"
            let listed = impossible.prefix(5).map { "\"\($0.excerpt)\"" }.joined(separator: ", ")
            return CheckOutcome(
                fraction: 0, reason: "impossible \(noun) \(listed)\(impossible.count > 5 ? ", …" : "")",
                evidence: evidence,
                problems: impossible + rangeProblems, variables: variables)
        }
        if let first = findings.periods.first {
            variables["match"] = first.hit.excerpt
            return CheckOutcome(
                fraction: 1, reason: "period \(first.label) (\"\(first.hit.excerpt)\")", evidence: evidence,
                problems: rangeProblems, variables: variables)
        }
        if let first = findings.rangeProblems.first {
            variables["match"] = first.hit.excerpt
            return CheckOutcome(fraction: 0, reason: first.reason, problems: rangeProblems, variables: variables)
        }
        return CheckOutcome(fraction: 0, reason: "no validity period found", variables: variables)
    }

    /// Validates the structured `from` and `to`, and records the period they make.
    func readStructured(_ period: Period, into findings: inout Findings) {
        var dates: [(date: WrittenDate, span: Span)] = []
        for span in [period.from, period.to].compactMap({ $0 }) where !span.isBlank {
            guard let date = structuredDate(span), date.isPossible else {
                let text = Self.trimmed(span.text)
                findings.impossible.append(Hit(location: span.location, excerpt: text, variables: ["match": text]))
                continue
            }
            dates.append((date, span))
        }
        guard dates.count == [period.from, period.to].compactMap({ $0 }).filter({ !$0.isBlank }).count, !dates.isEmpty
        else {
            return
        }
        let first = dates[0]
        let excerpt = dates.map { Self.trimmed($0.span.text) }.joined(separator: " – ")
        let hit = Hit(location: first.span.location, excerpt: excerpt, variables: ["match": excerpt])
        if period.from != nil, period.to != nil, dates.count == 2 {
            judge(from: dates[0].date, to: dates[1].date, hit: hit, into: &findings)
        } else if period.from != nil {
            record(openFrom: first.date, hit: hit, into: &findings)
        } else {
            record(openTo: first.date, hit: hit, into: &findings)
        }
    }

    /// A structured value read as a whole: an ISO or written date, or a year alone.
    private func structuredDate(_ span: Span) -> WrittenDate? {
        let text = TokenizedText([span])
        let tokens = text.tokens
        if let date = DateReader(text: text, months: months).read(at: 0), date.tokens.upperBound == tokens.count,
            date.year != nil
        {
            return date
        }
        if tokens.count == 1, let year = tokens[0].plausibleYear { return WrittenDate(year: year, tokens: 0..<1) }
        return nil
    }

    /// Reads the dates, ranges and cued years of `text`.
    func scan(_ text: TokenizedText, cued: Bool, into findings: inout Findings) {
        let tokens = text.tokens
        guard !tokens.isEmpty else { return }
        let reader = DateReader(text: text, months: months)
        let joins = MatchLookup(rangeWords?.found(in: text))
        let cueFinder = CueFinder(matches: cues?.found(in: text) ?? [], tokens: tokens, window: window)

        /// The end of a joiner at `position` right after the token at `anchor`, and whether it is a symbol.
        func join(at position: Int, after anchor: Int) -> (end: Int, isSymbol: Bool)? {
            guard reader.sameSpan(position, as: anchor) else { return nil }
            if tokens[position].isSymbol("-") || tokens[position].isSymbol("/") { return (position + 1, true) }
            if let end = joins.end(startingAt: position) { return (end, false) }
            return nil
        }
        func hit(_ range: Range<Int>, cueStart: Int?) -> Hit {
            let start = cueStart.map { Swift.min($0, range.lowerBound) } ?? range.lowerBound
            let excerpt = text.excerpt(start..<range.upperBound)
            return Hit(location: text.location(of: tokens[start]), excerpt: excerpt, variables: ["match": excerpt])
        }
        func impossible(_ date: WrittenDate) {
            findings.impossible.append(hit(date.tokens, cueStart: nil))
        }

        var index = 0
        while index < tokens.count {
            if let first = reader.read(at: index) {
                if let joiner = join(at: first.tokens.upperBound, after: index),
                    let second = reader.read(at: joiner.end)
                {
                    let (start, end) = Self.sharingYears(first, second)
                    if !start.isPossible { impossible(start) }
                    if !end.isPossible { impossible(end) }
                    if start.isPossible, end.isPossible, start.year != nil, end.year != nil {
                        let range = first.tokens.lowerBound..<second.tokens.upperBound
                        judge(
                            from: start, to: end, hit: hit(range, cueStart: cueFinder.cue(before: index)),
                            into: &findings)
                    }
                    index = second.tokens.upperBound
                    continue
                }
                if !first.isPossible {
                    impossible(first)
                } else if first.year != nil {
                    let cueStart = cueFinder.cue(before: index)
                    if cued || cueStart != nil {
                        record(openFrom: first, hit: hit(first.tokens, cueStart: cueStart), into: &findings)
                    }
                }
                index = first.tokens.upperBound
                continue
            }
            if let startYear = tokens[index].plausibleYear {
                let cueStart = cueFinder.cue(before: index)
                if let joiner = join(at: index + 1, after: index),
                    let endYear = Self.endYear(
                        at: joiner.end, of: startYear, shortAllowed: joiner.isSymbol, tokens: tokens, anchor: index)
                {
                    judge(
                        from: WrittenDate(year: startYear, tokens: index..<index + 1),
                        to: WrittenDate(year: endYear, tokens: joiner.end..<joiner.end + 1),
                        hit: hit(index..<joiner.end + 1, cueStart: cueStart), into: &findings)
                    index = joiner.end + 1
                    continue
                }
                if cued || cueStart != nil {
                    let year = WrittenDate(year: startYear, tokens: index..<index + 1)
                    judge(from: year, to: year, hit: hit(year.tokens, cueStart: cueStart), into: &findings)
                }
            }
            index += 1
        }
    }

    /// Records the period from `from` to `to`, or the problem with it.
    private func judge(from: WrittenDate, to: WrittenDate, hit: Hit, into findings: inout Findings) {
        guard let first = from.firstDay, let last = to.lastDay else { return }
        let yearsOnly = from.month == nil && to.month == nil
        let fromLabel = yearsOnly ? String(first.year) : first.iso
        let toLabel = yearsOnly ? String(last.year) : last.iso
        let label =
            yearsOnly ? (first.year == last.year ? fromLabel : "\(fromLabel)–\(toLabel)") : "\(fromLabel) – \(toLabel)"
        // A problem's hit names the period; a period's hit is kept as it is.
        func problem() -> Hit {
            var problem = hit
            problem.variables["period"] = label
            return problem
        }
        if last < first {
            findings.rangeProblems.append((problem(), "period \(label) ends before it starts (\"\(hit.excerpt)\")"))
        } else if last >= first.adding(months: maxMonths) {
            let years = NumberReader.format(maxYears)
            findings.rangeProblems.append(
                (problem(), "period \(label) is longer than \(years) years (\"\(hit.excerpt)\")"))
        } else {
            findings.periods.append(FoundPeriod(label: label, from: fromLabel, to: toLabel, hit: hit))
        }
    }

    /// Records a period with a start and no stated end.
    private func record(openFrom date: WrittenDate, hit: Hit, into findings: inout Findings) {
        guard let first = date.firstDay else { return }
        let from = date.month == nil ? String(first.year) : first.iso
        findings.periods.append(FoundPeriod(label: "\(from) –", from: from, to: nil, hit: hit))
    }

    /// Records a period with an end and no stated start.
    private func record(openTo date: WrittenDate, hit: Hit, into findings: inout Findings) {
        guard let last = date.lastDay else { return }
        let to = date.month == nil ? String(last.year) : last.iso
        findings.periods.append(FoundPeriod(label: "– \(to)", from: nil, to: to, hit: hit))
    }

    /// The two ends of a range, each taking the other's year when it states none
    /// ("1 januari till 31 december 2022"), a year apart when the months require it.
    static func sharingYears(_ start: WrittenDate, _ end: WrittenDate) -> (WrittenDate, WrittenDate) {
        var start = start
        var end = end
        let startKey = (start.month ?? 1, start.day ?? 1)
        let endKey = (end.month ?? 12, end.day ?? 31)
        if start.year == nil, let year = end.year {
            start.year = startKey > endKey ? year - 1 : year
        } else if end.year == nil, let year = start.year {
            end.year = startKey > endKey ? year + 1 : year
        }
        return (start, end)
    }

    /// The year that ends a year range at `index`: four digits, or after a symbol two ("2023–24").
    static func endYear(at index: Int, of start: Int, shortAllowed: Bool, tokens: [Token], anchor: Int) -> Int? {
        guard index < tokens.count, tokens[index].spanIndex == tokens[anchor].spanIndex else { return nil }
        if let year = tokens[index].plausibleYear { return year }
        guard shortAllowed, tokens[index].digitCount == 2, let short = tokens[index].integer(maxDigits: 2) else {
            return nil
        }
        var year = start / 100 * 100 + short
        if year < start {
            // Only a turn of the century ("1999–00"); otherwise it is a month ("2023-01").
            year += 100
            guard year - start <= 1 else { return nil }
        }
        return year
    }

    static func trimmed(_ text: String) -> String {
        // Text that starts and ends with a printable ASCII character, as dates do, is its own
        // trimmed text: its first character is that character, and so is its last, or one
        // that starts with a scalar that is no white space either (a prepended one).
        if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first),
            (0x21...0x7E).contains(last)
        {
            return text
        }
        return referenceTrimmed(text)
    }

    /// ``trimmed(_:)`` by `Character`s, for any text; what the ASCII shortcut must agree with.
    static func referenceTrimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// Hits without repeats (the same place and excerpt), in order.
    ///
    /// Most lists have none or one hit, which are returned as they are; longer ones are
    /// filtered through a set of places and excerpts, so the work stays linear.
    static func unique(_ hits: [Hit]) -> [Hit] {
        guard hits.count > 1 else { return hits }
        struct Key: Hashable {
            var location: SourceLocation
            var excerpt: String
        }
        var seen: Set<Key> = []
        seen.reserveCapacity(hits.count)
        return hits.filter { seen.insert(Key(location: $0.location, excerpt: $0.excerpt)).inserted }
    }
}

/// Finds the cue term that stands within a window of tokens before a position, in its span.
struct CueFinder {
    /// The cues found, in text order and not overlapping (as ``PhraseMatcher`` finds them),
    /// so their ends ascend.
    let matches: PhraseMatcher.FoundList
    let tokens: [Token]
    let window: Int

    /// The first token of the cue that stands before `index`, if one is close enough.
    func cue(before index: Int) -> Int? {
        guard !matches.isEmpty, index >= 0, index < tokens.count else { return nil }
        // The last cue ending at or before `index`: the ends ascend, so by halving.
        let after = MatchLookup(matches).firstIndex { $0.upperBound > index }
        guard after > 0 else { return nil }
        let match = matches[after - 1]
        guard match.tokens.upperBound - 1 >= index - window,
            tokens[match.tokens.lowerBound].spanIndex == tokens[index].spanIndex
        else { return nil }
        return match.tokens.lowerBound
    }
}
