import Testing

@testable import PromiseCheck

/// Terms read over UTF-8 give the parts (or the error) that reading their characters gives.
@Suite struct TermPatternPropertyTests {
    private static let pieces = [
        "trygghet", "Öka", "år", "*", "{n}", "{", "}", " ", "  ", "\t", "\n", "\r\n", "\u{1C}", "\u{1F}", "\u{85}",
        "\u{A0}", "e\u{301}", "%", "-", "/", "–", "12", "vandring", "Ä", "ß", "µ", ".", "x",
        "à", "ÿ", "÷", "×", "Þ", "þ", "\u{AD}", "Z", "7",
    ]

    private static func outcome(_ read: () throws(TermPattern.SyntaxError) -> [TermPattern.Part]?) -> String {
        do {
            guard let parts = try read() else { return "not simple" }
            return "\(parts)"
        } catch {
            return "error: \(error.message)"
        }
    }

    @Test(arguments: 0..<30)
    func simpleTermsReadAsTheirCharactersDo(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        var simple = 0
        for _ in 0..<300 {
            let term = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator)!
            }.joined()
            let fast = Self.outcome { () throws(TermPattern.SyntaxError) in try TermPattern.simpleParts(term) }
            guard fast != "not simple" else { continue }
            simple += 1
            let reference = Self.outcome { () throws(TermPattern.SyntaxError) in try TermPattern.referenceParts(term) }
            #expect(fast == reference, "\(term.debugDescription)")
        }
        #expect(simple > 100)
    }

    @Test func termsBeyondTheSimpleOnesAreLeftToTheReference() throws {
        #expect(try TermPattern.simpleParts("e\u{301}ka") == nil)
        #expect(try TermPattern.simpleParts("öka\u{A0}mer") == nil)
        #expect(try TermPattern(" öka\u{A0}mer ").parts == [.word("öka"), .word("mer")])
        #expect(try TermPattern.simpleParts("öka* {n} gånger") == [.prefix("öka"), .number, .word("gånger")])
    }
}
