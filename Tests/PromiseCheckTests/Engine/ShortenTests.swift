import Testing

@testable import PromiseCheck

/// Naming an item by the first words of its text reads no further than it needs, with the
/// same result as splitting the whole text into lines.
@Suite struct ShortenTests {
    private static let pieces = [
        "Trygghetsvandring", " ", "  ", "\n", "\r\n", "\r", "\u{2028}", "e\u{301}", "ö", "i", "parken", "—", "\t",
        String(repeating: "x", count: 30), "🇸🇪", "\u{A0}", "\u{85}", "\u{0B}", "\u{0C}", "é", "\u{AD}", "©",
        "\u{2003}", " \u{301}", "\u{2029}", "Åtgärd", "ß", String(repeating: "ä", count: 25),
        // Punctuation the byte walk takes, and its neighbours it does not.
        "–", "”", "…", "‼", "\u{2010}", "\u{2027}", "\u{2030}", "\u{205E}", "–\u{301}", "\u{200B}", "\u{200D}",
        "\u{200F}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{2070}", "€", "\u{2020}\u{A0}",
    ]

    @Test(arguments: 0..<30)
    func agreesWithSplittingIntoLines(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator)!
            }.joined()
            for limit in [0, 1, 5, 60] {
                #expect(
                    ScopeResolver.shorten(text, limit: limit) == ScopeResolver.referenceShorten(text, limit: limit),
                    "seed \(seed), limit \(limit): \(text.debugDescription)")
            }
        }
    }

    @Test func mostTextTakesTheByteWalk() {
        // Guards the test above against comparing the general path with itself.
        #expect(ScopeResolver.shortenSimple("\r\n Fyra vandringar\u{A0}\tper år", limit: 16) == "Fyra vandringar…")
        #expect(ScopeResolver.shortenSimple("Kort\u{85}rad två", limit: 60) == "Kort")
        #expect(ScopeResolver.shortenSimple("Café\u{301}", limit: 60) == nil)
        #expect(ScopeResolver.shortenSimple("Trygghet – ”vandringar”…", limit: 60) == "Trygghet – ”vandringar”…")
        #expect(ScopeResolver.shortenSimple("Park\u{2028}rad", limit: 60) == nil)
    }

    @Test func longFirstLinesAreCut() {
        #expect(ScopeResolver.shorten("\n\nFyra vandringar per år i parken", limit: 10) == "Fyra vandr…")
        #expect(ScopeResolver.shorten("Kort\nrad två") == "Kort")
    }
}
