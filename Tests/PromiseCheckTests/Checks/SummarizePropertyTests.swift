import Testing

@testable import PromiseCheck

/// `LexiconCheck.summarize` and its Latin-1 lower-casing against sets and `String.lowercased()`.
@Suite struct SummarizePropertyTests {
    /// Pieces in upper and lower case, with Swedish letters, ×, ß, µ, a decomposed "ö" and
    /// letters beyond Latin-1 (whose lower case may be longer), so every path is taken.
    private static let pieces = [
        "Vi", "vi", "VI", "ska", "Ska", "ÖKA", "öka", "o\u{308}ka", "Åtgärd", "åtgärd", "ÆØÅ", "æøå", "3×4", "ß",
        "µg", "İstanbul", "ΣΟΦΙΑ", "straße", "Ÿ", "ÿ", "Þorn", "þorn", "À", "à", "@[`{", " ", "  ", "-", "\u{AD}",
    ]

    private static func excerpt(_ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            .joined(separator: Bool.random(using: &generator) ? " " : "")
    }

    @Test(arguments: 0..<30)
    func lowerCaseIsStringLowerCase(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        for _ in 0..<200 {
            let text = Self.excerpt(&generator)
            let fast = LexiconCheck.lowercased(text)
            #expect(fast == text.lowercased(), "\(Array(text.unicodeScalars))")
            #expect(Array(fast.utf8) == Array(text.lowercased().utf8), "\(Array(text.unicodeScalars))")
        }
    }

    @Test(arguments: 0..<30)
    func summaryIsTheSetBasedSummary(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        for _ in 0..<50 {
            let hits = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Hit(location: .start, excerpt: Self.excerpt(&generator))
            }
            #expect(
                LexiconCheck.summarize(hits) == LexiconCheck.referenceSummarize(hits), "\(hits.map(\.excerpt))")
            var reason = ReasonText(capacity: 0)
            reason.append("found ")
            reason.append(hits.count)
            LexiconCheck.summarize(hits, into: &reason)
            #expect(
                reason.text == "found \(hits.count)" + LexiconCheck.referenceSummarize(hits), "\(hits.map(\.excerpt))")
        }
    }
}
