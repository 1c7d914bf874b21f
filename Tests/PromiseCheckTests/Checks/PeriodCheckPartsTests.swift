import Testing

@testable import PromiseCheck

/// The period check's parts that replaced simpler versions, against those versions.
@Suite struct PeriodCheckPartsTests {
    /// How the cue finder looked cues up before: a table of the last cue ending at or before
    /// each token position.
    struct ReferenceCueFinder {
        let matches: [PhraseMatcher.Found]
        let tokens: [Token]
        let window: Int
        let lastEnding: [Int]

        init(matches: [PhraseMatcher.Found], tokens: [Token], window: Int) {
            self.matches = matches
            self.tokens = tokens
            self.window = window
            var lastEnding = [Int](repeating: -1, count: matches.isEmpty ? 0 : tokens.count + 1)
            if !matches.isEmpty {
                var next = 0
                var current = -1
                for position in lastEnding.indices {
                    while next < matches.count, matches[next].tokens.upperBound <= position {
                        current = next
                        next += 1
                    }
                    lastEnding[position] = current
                }
            }
            self.lastEnding = lastEnding
        }

        func cue(before index: Int) -> Int? {
            guard index < lastEnding.count, index < tokens.count else { return nil }
            let found = lastEnding[index]
            guard found >= 0 else { return nil }
            let match = matches[found]
            guard match.tokens.upperBound - 1 >= index - window,
                tokens[match.tokens.lowerBound].spanIndex == tokens[index].spanIndex
            else { return nil }
            return match.tokens.lowerBound
        }
    }

    @Test func cuesAreTheReferenceCuesOnRandomMatches() {
        var generator = SeededGenerator(state: 17)
        let words = ["gäller", "under", "perioden", "2023", "och", "1", "maj", "x"]
        for _ in 0..<2_000 {
            let spans = (0..<Int.random(in: 1...3, using: &generator)).map { line in
                Span(
                    (0..<Int.random(in: 0...12, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                        .joined(separator: " "), at: pos(line + 1, 1))
            }
            let tokens = TokenizedText(spans).tokens
            // Matches in text order that do not overlap, as a lexicon's are.
            var matches: [PhraseMatcher.Found] = []
            var start = Int.random(in: 0...3, using: &generator)
            while start < tokens.count {
                let end = min(tokens.count, start + Int.random(in: 1...3, using: &generator))
                matches.append(PhraseMatcher.Found(entry: 0, tokens: start..<end, number: nil))
                start = end + Int.random(in: 0...4, using: &generator)
            }
            let window = Int.random(in: 0...6, using: &generator)
            let finder = CueFinder(matches: PhraseMatcher.FoundList(matches), tokens: tokens, window: window)
            let reference = ReferenceCueFinder(matches: matches, tokens: tokens, window: window)
            for index in 0...(tokens.count + 1) {
                #expect(finder.cue(before: index) == reference.cue(before: index), "\(matches) at \(index)")
            }
        }
    }

    @Test func isoDatesAreThePaddedDates() {
        var generator = SeededGenerator(state: 19)
        for round in 0..<5_000 {
            let wide = round % 10 == 0
            let day = CalendarDay(
                year: Int.random(in: wide ? -20_000...20_000 : 0...9999, using: &generator),
                month: Int.random(in: wide ? -200...200 : 0...99, using: &generator),
                day: Int.random(in: wide ? -200...200 : 0...99, using: &generator))
            #expect(day.iso == day.paddedISO, "\(day)")
        }
        #expect(CalendarDay(year: 2023, month: 1, day: 9).iso == "2023-01-09")
        #expect(CalendarDay(year: 987, month: 12, day: 31).iso == "0987-12-31")
    }

    /// How hits were made unique before: by a set of "place excerpt" strings.
    static func referenceUnique(_ hits: [Hit]) -> [Hit] {
        var seen: Set<String> = []
        return hits.filter { seen.insert("\($0.location) \($0.excerpt)").inserted }
    }

    @Test(arguments: 0..<10)
    func uniqueHitsAgreeWithTheStringKeys(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        // Places whose descriptions share digits, and excerpts that are equal only as `String`s
        // compare them ("é" composed and decomposed) or differ only by case.
        let locations = [pos(1, 12), pos(11, 2), pos(1, 1), pos(2, 10)]
        let excerpts = ["2024", "2024 – 2025", "e\u{301}t", "\u{E9}t", "\u{C9}t", "1 1", ""]
        for _ in 0..<200 {
            let hits = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                let excerpt = excerpts.randomElement(using: &generator) ?? ""
                return Hit(
                    location: locations.randomElement(using: &generator) ?? .start, excerpt: excerpt,
                    variables: ["match": excerpt])
            }
            #expect(PeriodCheck.unique(hits) == Self.referenceUnique(hits), "\(hits.map { ($0.location, $0.excerpt) })")
        }
    }

    /// Structured dates around the ASCII shortcuts (trimming, and telling blank values): printable
    /// ASCII and white space at either end, CR LF, no-break space, combining marks and prepended scalars.
    @Test func trimmedIsTheCharacterTrim() {
        let pieces = [
            "2025-01-01", "2", "-", " ", "\t", "\r\n", "\n", "\u{A0}", "\u{85}", "\u{2003}", "\u{301}", "\u{600}",
            "å", "~", "\u{7F}", "\u{1F}",
        ]
        var generator = SeededGenerator(state: 29)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            #expect(PeriodCheck.trimmed(text) == PeriodCheck.referenceTrimmed(text), "\(text.debugDescription)")
            let span = Span(text, at: pos(4, 9), isVerbatim: true)
            #expect(PeriodCheck.isBlank(span) == span.isBlank, "\(text.debugDescription)")
        }
    }

    /// A period check with the test lexicons and `window`.
    static func check(window: Int) throws -> PeriodCheck {
        let check = try CheckRegistry.builtIn.makeCheck(PeriodCheckTests.yaml + "\n  window: \(window)")
        return try #require(check as? PeriodCheck)
    }

    /// The scan that walks from number to number finds what trying every token finds, in the
    /// same order: dates, ranges by symbol or word, cued and uncued years, impossible dates and
    /// range problems, in one span or across several.
    @Test(arguments: 0..<4)
    func scanFindsWhatTryingEveryPositionFinds(seed: UInt64) throws {
        var generator = SeededGenerator(state: 40 + seed)
        let pieces = [
            "2023", "2024", "24", "00", "1999", "1", "31", "13", "2020-01-01", "2023-13-40", "1800", "12345",
            "januari", "juni", "december", "maj", "gäller", "medborgarlöftet", "under perioden", "till",
            "och", "till och med", "-", "/", "–", ".", "torget", "x", "under",
        ]
        for round in 0..<250 {
            let check = try Self.check(window: round % 7)
            let spans = (0..<Int.random(in: 1...3, using: &generator)).map { line in
                Span(
                    (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                        pieces.randomElement(using: &generator) ?? ""
                    }.joined(separator: " "), at: pos(line + 1, 1))
            }
            let text = TokenizedText(spans)
            for cued in [false, true] {
                var fast = PeriodCheck.Findings()
                var simple = PeriodCheck.Findings()
                check.scan(text, cued: cued, into: &fast)
                check.scan(text, cued: cued, into: &simple, tryingEveryPosition: true)
                let described = spans.map(\.text)
                #expect(fast.periods == simple.periods, "\(described)")
                #expect(fast.impossible == simple.impossible, "\(described)")
                #expect(fast.rangeProblems.map(\.hit) == simple.rangeProblems.map(\.hit), "\(described)")
                #expect(fast.rangeProblems.map(\.reason) == simple.rangeProblems.map(\.reason), "\(described)")
            }
        }
    }

    /// Structured values read from their bytes are read as tokenizing them reads them: ISO
    /// dates and years, and near misses (too many digits, other dashes, spaces, letters).
    @Test func digitDatesAreTheTokenizedDates() throws {
        let check = try Self.check(window: 6)
        let years = ["2025", "2025", "1800", "202", "20255", " 2025", "\u{0661}025"]
        let separators = ["-", "-", "-", "–", "/", " ", "", "a"]
        let parts = ["1", "12", "02", "00", "123", "", "9a", "maj", "31 "]
        var generator = SeededGenerator(state: 31)
        var read = 0
        for _ in 0..<4_000 {
            var text = years.randomElement(using: &generator) ?? ""
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                text +=
                    (separators.randomElement(using: &generator) ?? "") + (parts.randomElement(using: &generator) ?? "")
            }
            let span = Span(text, at: pos(4, 9), isVerbatim: true)
            let date = check.structuredDate(span)
            #expect(date == check.referenceStructuredDate(span), "\(text.debugDescription)")
            if PeriodCheck.digitDate(text) != nil { read += 1 }
        }
        // The bytes read a fair share of the values themselves.
        #expect(read > 100)
        #expect(PeriodCheck.digitDate("2024-2-29") == WrittenDate(year: 2024, month: 2, day: 29, tokens: 0..<5))
        #expect(PeriodCheck.digitDate("2024-02-290") == nil)
    }
}
