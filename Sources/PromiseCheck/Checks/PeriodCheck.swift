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
        cues = try parameters.lexicon("cues").map { parameters.phraseMatcher($0, of: "cues") }
        rangeWords = try parameters.lexicon("range_words").map { parameters.phraseMatcher($0, of: "range_words") }
        window = parameters.integer("window") ?? 6
        maxYears = parameters.number("max_years") ?? 5
        try parameters.require("window", atLeast: 0)
        guard maxYears > 0 else {
            throw CheckConfigurationError("'max_years' must be above 0", at: parameters.location(of: "max_years"))
        }
        maxMonths = max(1, Int((min(maxYears, 10_000) * 12).rounded()))
    }

    /// A valid period found: its ends (one of them may be open) and where it is written.
    ///
    /// Its label and hit are made when read: most promises state a period several times, and
    /// only the first one's label goes into the reason.
    struct FoundPeriod: Equatable {
        var from: CalendarDay?
        var to: CalendarDay?
        /// Whether the ends are written as years rather than as dates.
        var byYear: Bool
        var place: Place

        /// How an end is written in a label: a year, or an ISO date.
        private func written(_ day: CalendarDay?) -> String? { day.map { byYear ? String($0.year) : $0.iso } }
        var fromLabel: String? { written(from) }
        var toLabel: String? { written(to) }

        var label: String {
            switch (fromLabel, toLabel) {
            case (let start?, let end?):
                byYear ? (from?.year == to?.year ? start : "\(start)–\(end)") : "\(start) – \(end)"
            case (let start?, nil): "\(start) –"
            case (nil, let end?): "– \(end)"
            case (nil, nil): ""
            }
        }
    }

    /// Where a period is written: a hit made already, or tokens of the item's text or of the
    /// period's own free text, whose hit is made when it is read.
    enum Place: Equatable {
        case hit(Hit)
        case tokens(Range<Int>, inPeriodText: Bool)
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
        var periodText: TokenizedText?
        if let period = document.period {
            readStructured(period, into: &findings)
            if let text = period.text {
                let tokenized = TokenizedText([text])
                scan(tokenized, cued: true, into: &findings)
                periodText = tokenized
            }
        }
        scan(item.text, cued: false, into: &findings)
        let fraction: Double = findings.impossible.isEmpty && !findings.periods.isEmpty ? 1 : 0
        return CheckOutcome(
            fraction: fraction,
            details: Details(findings: findings, itemText: item.text, periodText: periodText ?? item.text))
    }

    /// The parts of an outcome, made from what was found when they are read.
    final class Details: OutcomeDetails {
        let findings: Findings
        let itemText: TokenizedText
        /// The period's free text; the item's text when it has none (no place then lies in it).
        let periodText: TokenizedText

        init(findings: Findings, itemText: TokenizedText, periodText: TokenizedText) {
            self.findings = findings
            self.itemText = itemText
            self.periodText = periodText
        }

        /// The hit of a place: a text's tokens with `match` set to their text.
        func hit(_ place: Place) -> Hit {
            switch place {
            case .hit(let hit): hit
            case .tokens(let range, let inPeriodText): (inPeriodText ? periodText : itemText).hit(covering: range)
            }
        }

        /// The text of a place's hit.
        func excerpt(_ place: Place) -> String {
            switch place {
            case .hit(let hit): hit.excerpt
            case .tokens(let range, let inPeriodText): (inPeriodText ? periodText : itemText).excerpt(range)
            }
        }

        var impossible: [Hit] { PeriodCheck.unique(findings.impossible) }
        var rangeProblems: [Hit] { PeriodCheck.unique(findings.rangeProblems.map(\.hit)) }

        var reason: String {
            let impossible = impossible
            if !impossible.isEmpty {
                let noun = impossible.count == 1 ? "date" : "dates"
                let listed = impossible.prefix(5).map { "\"\($0.excerpt)\"" }.joined(separator: ", ")
                return "impossible \(noun) \(listed)\(impossible.count > 5 ? ", …" : "")"
            }
            if let first = findings.periods.first { return "period \(first.label) (\"\(excerpt(first.place))\")" }
            return findings.rangeProblems.first?.reason ?? "no validity period found"
        }

        var evidence: [Hit] { PeriodCheck.unique(findings.periods.map { hit($0.place) }) }

        var problems: [Hit] {
            findings.impossible.isEmpty ? rangeProblems : impossible + rangeProblems
        }

        var variables: MessageVariables {
            var variables: MessageVariables = [:]
            let first = findings.periods.first
            if let first {
                variables["period"] = first.label
                variables["from"] = first.fromLabel
                variables["to"] = first.toLabel
            }
            if let impossible = impossible.first {
                variables["match"] = impossible.excerpt
            } else if let first {
                variables["match"] = excerpt(first.place)
            } else if let problem = findings.rangeProblems.first {
                variables["match"] = problem.hit.excerpt
            }
            return variables
        }
    }

    /// Validates the structured `from` and `to`, and records the period they make.
    func readStructured(_ period: Period, into findings: inout Findings) {
        // Each end given and not blank, read as a date; one that is no possible date is a
        // problem, and then there is no period.
        var unread = false
        func read(_ span: Span?) -> (date: WrittenDate, span: Span)? {
            guard let span, !Self.isBlank(span) else { return nil }
            guard let date = structuredDate(span), date.isPossible else {
                let text = Self.trimmed(span.text)
                findings.impossible.append(Hit(location: span.location, excerpt: text, variables: ["match": text]))
                unread = true
                return nil
            }
            return (date, span)
        }
        let start = read(period.from)
        let end = read(period.to)
        guard !unread, let first = start ?? end else { return }
        let excerpt =
            if let start, let end { "\(Self.trimmed(start.span.text)) – \(Self.trimmed(end.span.text))" } else {
                Self.trimmed(first.span.text)
            }
        let hit = Hit(location: first.span.location, excerpt: excerpt, variables: ["match": excerpt])
        if let start, let end {
            judge(from: start.date, to: end.date, at: .hit(hit), hit: hit, into: &findings)
        } else if period.from != nil {
            // A blank `from` still makes the date given an open start.
            record(openFrom: first.date, at: .hit(hit), into: &findings)
        } else {
            record(openTo: first.date, at: .hit(hit), into: &findings)
        }
    }

    /// ``Span/isBlank``, at once for a value that starts with printable ASCII, as dates do.
    static func isBlank(_ span: Span) -> Bool {
        if let first = span.text.utf8.first, (0x21...0x7E).contains(first) { return false }
        return span.isBlank
    }

    /// A structured value read as a whole: an ISO or written date, or a year alone.
    ///
    /// Most values are ISO dates or years in ASCII digits, read from their bytes; others are
    /// tokenized (``referenceStructuredDate(_:)``, what the bytes must agree with).
    func structuredDate(_ span: Span) -> WrittenDate? {
        Self.digitDate(span.text) ?? referenceStructuredDate(span)
    }

    /// `text` read as tokens would be when it is four ASCII digits that make a plausible year,
    /// or an ISO date of ASCII digits (`YYYY-M-D`, with one or two digits for the month and the
    /// day); nil for any other text.
    static func digitDate(_ text: String) -> WrittenDate? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> WrittenDate? in
            /// The value of the one to `most` digits at `start`, and where they end; what follows is
            /// checked by the caller.
            func digits(from start: Int, most: Int) -> (value: Int, end: Int)? {
                var end = start
                var value = 0
                while end < bytes.count, end - start < most, bytes[end] &- 0x30 < 10 {
                    value = value * 10 + Int(bytes[end] &- 0x30)
                    end += 1
                }
                return end > start ? (value, end) : nil
            }
            guard let year = digits(from: 0, most: 4), year.end == 4 else { return nil }
            if bytes.count == 4 {
                return DateReading.plausibleYears.contains(year.value)
                    ? WrittenDate(year: year.value, tokens: 0..<1) : nil
            }
            guard bytes[4] == UInt8(ascii: "-"), let month = digits(from: 5, most: 2), month.end < bytes.count,
                bytes[month.end] == UInt8(ascii: "-"), let day = digits(from: month.end + 1, most: 2),
                day.end == bytes.count
            else { return nil }
            return WrittenDate(year: year.value, month: month.value, day: day.value, tokens: 0..<5)
        } ?? nil
    }

    /// ``structuredDate(_:)`` by tokenizing the value.
    func referenceStructuredDate(_ span: Span) -> WrittenDate? {
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
    ///
    /// Only a number token, or a word just before one (a month and its year), can start a date
    /// or a year, so the scan walks from one such token to the next; `tryingEveryPosition`
    /// tries every token instead, the simple walk that the fast one must agree with.
    func scan(_ text: TokenizedText, cued: Bool, into findings: inout Findings, tryingEveryPosition: Bool = false) {
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
        /// The tokens a hit covers: `range`, from its cue on when it has one.
        func covered(_ range: Range<Int>, cueStart: Int?) -> Range<Int> {
            (cueStart.map { Swift.min($0, range.lowerBound) } ?? range.lowerBound)..<range.upperBound
        }
        func place(_ range: Range<Int>, cueStart: Int?) -> Place {
            .tokens(covered(range, cueStart: cueStart), inPeriodText: cued)
        }
        func hit(_ range: Range<Int>, cueStart: Int?) -> Hit { text.hit(covering: covered(range, cueStart: cueStart)) }
        func impossible(_ date: WrittenDate) {
            findings.impossible.append(hit(date.tokens, cueStart: nil))
        }

        var index = 0
        while index < tokens.count {
            if !tryingEveryPosition, tokens[index].kind != .number {
                // No date or year starts before the next number but at the word just before it.
                var number = index + 1
                while number < tokens.count, tokens[number].kind != .number { number += 1 }
                guard number < tokens.count else { break }
                index = tokens[number - 1].kind == .word ? number - 1 : number
            }
            if let first = reader.read(at: index) {
                if let joiner = join(at: first.tokens.upperBound, after: index),
                    let second = reader.read(at: joiner.end)
                {
                    let (start, end) = Self.sharingYears(first, second)
                    if !start.isPossible { impossible(start) }
                    if !end.isPossible { impossible(end) }
                    if start.isPossible, end.isPossible, start.year != nil, end.year != nil {
                        let range = first.tokens.lowerBound..<second.tokens.upperBound
                        let cueStart = cueFinder.cue(before: index)
                        judge(
                            from: start, to: end, at: place(range, cueStart: cueStart),
                            hit: hit(range, cueStart: cueStart), into: &findings)
                    }
                    index = second.tokens.upperBound
                    continue
                }
                if !first.isPossible {
                    impossible(first)
                } else if first.year != nil {
                    let cueStart = cueFinder.cue(before: index)
                    if cued || cueStart != nil {
                        record(openFrom: first, at: place(first.tokens, cueStart: cueStart), into: &findings)
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
                    let range = index..<joiner.end + 1
                    judge(
                        from: WrittenDate(year: startYear, tokens: index..<index + 1),
                        to: WrittenDate(year: endYear, tokens: joiner.end..<joiner.end + 1),
                        at: place(range, cueStart: cueStart), hit: hit(range, cueStart: cueStart), into: &findings)
                    index = joiner.end + 1
                    continue
                }
                if cued || cueStart != nil {
                    let year = WrittenDate(year: startYear, tokens: index..<index + 1)
                    judge(
                        from: year, to: year, at: place(year.tokens, cueStart: cueStart),
                        hit: hit(year.tokens, cueStart: cueStart), into: &findings)
                }
            }
            index += 1
        }
    }

    /// Records the period from `from` to `to` written at `place`, or the problem with it;
    /// `hit`, the place's hit, is made only for a problem.
    private func judge(
        from: WrittenDate, to: WrittenDate, at place: Place, hit: @autoclosure () -> Hit, into findings: inout Findings
    ) {
        guard let first = from.firstDay, let last = to.lastDay else { return }
        let period = FoundPeriod(from: first, to: last, byYear: from.month == nil && to.month == nil, place: place)
        let problem: String
        if last < first {
            problem = "ends before it starts"
        } else if last >= first.adding(months: maxMonths) {
            problem = "is longer than \(NumberReader.format(maxYears)) years"
        } else {
            findings.periods.append(period)
            return
        }
        // A problem's hit names the period; a period's hit is kept as it is.
        let label = period.label
        var problemHit = hit()
        problemHit.variables["period"] = label
        findings.rangeProblems.append((problemHit, "period \(label) \(problem) (\"\(problemHit.excerpt)\")"))
    }

    /// Records a period with a start and no stated end.
    private func record(openFrom date: WrittenDate, at place: Place, into findings: inout Findings) {
        guard let first = date.firstDay else { return }
        findings.periods.append(FoundPeriod(from: first, to: nil, byYear: date.month == nil, place: place))
    }

    /// Records a period with an end and no stated start.
    private func record(openTo date: WrittenDate, at place: Place, into findings: inout Findings) {
        guard let last = date.lastDay else { return }
        findings.periods.append(FoundPeriod(from: nil, to: last, byYear: date.month == nil, place: place))
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
