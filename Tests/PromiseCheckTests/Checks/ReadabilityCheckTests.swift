import Testing

@testable import PromiseCheck

@Suite struct ReadabilityCheckTests {
    /// 12 words, 2 sentences, 5 words longer than six letters: LIX = 12/2 + 100 × 5/12 = 47.67.
    static let text = ["Polisen och kommunen går trygghetsvandringar. Vi träffar boende i centrum varje månad."]

    @Test func lixOfText() throws {
        let lix = try #require(ReadabilityCheck.lix(of: TokenizedText(Self.text.map { verbatimSpan($0) })))
        #expect(abs(lix - (6 + 500.0 / 12)) < 1e-9)
    }

    @Test func longWordLengthIsAParameterOfLix() throws {
        let lix = try #require(ReadabilityCheck.lix(of: TokenizedText(Self.text.map { verbatimSpan($0) }), longWord: 7))
        #expect(abs(lix - (6 + 200.0 / 12)) < 1e-9)
    }

    @Test func eachSpanEndsASentence() throws {
        let spans = [verbatimSpan("Vi går hem"), verbatimSpan("Vi ser dem", 2)]
        #expect(ReadabilityCheck.lix(of: TokenizedText(spans)) == 3)
        let withStops = [verbatimSpan("Vi går hem."), verbatimSpan("Vi ser dem", 2)]
        #expect(ReadabilityCheck.lix(of: TokenizedText(withStops)) == 3)
        let question = [verbatimSpan("Går vi? Ja: vi går! Nu.")]
        #expect(ReadabilityCheck.lix(of: TokenizedText(question)) == 1.5)
    }

    @Test func textWithoutWordsHasNoLix() {
        #expect(ReadabilityCheck.lix(of: TokenizedText([])) == nil)
        #expect(ReadabilityCheck.lix(of: TokenizedText([verbatimSpan("2025. 12 %")])) == nil)
    }

    @Test func fractionFallsLinearlyAboveTheMaximum() throws {
        let check = builtCheck("check: readability\nwith: {max: 40, zero_at: 60, min_words: 10}\n")
        let outcome = try #require(evaluateCheck(check, Self.text))
        #expect(abs(outcome.fraction - (1 - (6 + 500.0 / 12 - 40) / 20)) < 1e-9)
        #expect(outcome.reason == "LIX 47.7 (pass at or below 40)")
        #expect(outcome.variables == ["lix": "48", "max": "40"])
    }

    @Test func passesAtOrBelowTheMaximum() throws {
        let check = builtCheck("check: readability\nwith: {max: 40, min_words: 10, long_word: 7}\n")
        let outcome = try #require(evaluateCheck(check, Self.text))
        #expect(outcome.fraction == 1)
        #expect(outcome.reason == "LIX 22.7 (pass at or below 40)")
        #expect(outcome.variables == ["lix": "23", "max": "40"])
    }

    @Test func zeroAtOrAboveZeroAt() throws {
        let check = builtCheck("check: readability\nwith: {max: 20, zero_at: 45, min_words: 1}\n")
        #expect(evaluateCheck(check, Self.text)?.fraction == 0)
    }

    @Test func shortTextPassesWithoutAScore() throws {
        let outcome = try #require(evaluateCheck(builtCheck("check: readability\n"), Self.text))
        #expect(outcome.fraction == 1)
        #expect(outcome.reason == "12 words; too little text to judge readability")
        #expect(outcome.variables.isEmpty)
    }

    @Test func zeroAtMustBeAboveMax() throws {
        let explicit = try #require(checkBuildFailure("check: readability\nwith: {max: 50, zero_at: 50}\n"))
        expectDiagnostic(
            explicit.diagnostics, code: "pack.check-parameters", at: pos(2, 26),
            message: "'zero_at' must be above 'max'")
        let implicit = try #require(checkBuildFailure("check: readability\nwith: {max: 80}\n"))
        expectDiagnostic(
            implicit.diagnostics, code: "pack.check-parameters", at: pos(2, 7), message: "'zero_at' must be above 'max'"
        )
    }

    /// Words around the long-word length in one- and two-byte letters, a decomposed "ö",
    /// sentence ends and other symbols, over one to three spans.
    @Test(arguments: 0..<20)
    func lixIsTheTwoPassLix(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let pieces = ["a", "å", "ö", "o\u{308}", "Ä", "e", "12", ".", "!", "?", ":", ",", "-", "%"]
        for _ in 0..<50 {
            let spans = (0..<Int.random(in: 1...3, using: &generator)).map { line in
                let words = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                    (0..<Int.random(in: 1...9, using: &generator)).map { _ in
                        pieces.randomElement(using: &generator) ?? "a"
                    }.joined()
                }
                return verbatimSpan(words.joined(separator: " "), line + 1)
            }
            let text = TokenizedText(spans)
            for longWord in [0, 3, 6, 7] {
                #expect(ReadabilityCheck.counts(of: text, longWord: longWord).words == text.wordCount)
                #expect(
                    ReadabilityCheck.lix(of: text, longWord: longWord)
                        == ReadabilityCheck.referenceLix(of: text, longWord: longWord),
                    "\(spans.map(\.text)) long_word \(longWord)")
            }
        }
    }
}
