import Testing

@testable import PromiseCheck

/// ``MatchLookup`` halves a text's matches where the quantity and period checks had a table of
/// every token position (``TokenMap``); these compare the two.
@Suite struct MatchLookupTests {
    /// The table of match starts by end, first match first, as the quantity check made it.
    static func startsByEnd(_ matches: [PhraseMatcher.Found], in text: TokenizedText) -> TokenMap {
        var starts = TokenMap(count: matches.isEmpty ? 0 : text.tokens.count + 1)
        for match in matches where starts[match.tokens.upperBound] == nil {
            starts[match.tokens.upperBound] = match.tokens.lowerBound
        }
        return starts
    }

    @Test func lookupsAreTheTablesOnRandomMatches() {
        var generator = SeededGenerator(state: 23)
        let words = ["minst", "fyra", "12", "%", "timmar", "per", "år", "och"]
        for _ in 0..<2_000 {
            let text = TokenizedText(
                (0..<Int.random(in: 1...3, using: &generator)).map { line in
                    Span(
                        (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                            words.randomElement(using: &generator)!
                        }.joined(separator: " "), at: pos(line + 1, 1))
                })
            let count = text.tokens.count
            // Matches in text order that do not overlap, as a lexicon's are; sometimes none.
            var matches: [PhraseMatcher.Found] = []
            var start = Int.random(in: 0...4, using: &generator)
            while start < count {
                let end = min(count, start + Int.random(in: 1...3, using: &generator))
                matches.append(PhraseMatcher.Found(entry: 0, tokens: start..<end, number: nil))
                start = end + Int.random(in: 0...3, using: &generator)
            }
            let lookup = MatchLookup(PhraseMatcher.FoundList(matches))
            let ends = QuantityCheck.endsByStart(PhraseMatcher.FoundList(matches), in: text)
            let starts = Self.startsByEnd(matches, in: text)
            for position in -1...(count + 2) {
                #expect(lookup.end(startingAt: position) == ends[position], "\(matches) at \(position)")
                #expect(lookup.start(endingAt: position) == starts[position], "\(matches) at \(position)")
            }
        }
        #expect(MatchLookup(nil).end(startingAt: 0) == nil)
        #expect(MatchLookup(nil).start(endingAt: 0) == nil)
    }
}
