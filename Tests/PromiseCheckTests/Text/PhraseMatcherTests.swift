import Testing

@testable import PromiseCheck

@Suite struct PhraseMatcherTests {
    private static let numberWords: [String: Double] = ["två": 2, "fyra": 4, "tolv": 12]

    /// The excerpts of every match of `terms` in `lines`.
    private func matches(
        _ terms: [String], in lines: [String], numberWords: [String: Double] = [:],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [String] {
        let text = TokenizedText(lines.enumerated().map { verbatimSpan($1, $0 + 1) })
        let matcher = PhraseMatcher(
            termLexicon("prov", terms, sourceLocation: sourceLocation), numberWords: numberWords)
        return matcher.matches(in: text).map { text.excerpt($0.tokens) }
    }

    /// A token's folded bytes as the scan reads them: what a slice of the text's folded bytes
    /// holds, for every token; none from bytes that end before the token's do.
    @Test func foldedBytesOfATokenAreItsSliceOfTheText() {
        let text = TokenizedText([
            verbatimSpan("Öka TRYGGHETEN – minst 12 %, två/år!", 1), verbatimSpan("e\u{301}n café i Östra ån", 2),
            verbatimSpan("", 3), verbatimSpan("polisen: 2026-03-01.", 4),
        ])
        #expect(text.tokens.count > 10)
        text.foldedBytes.withUnsafeBufferPointer { bytes in
            for token in text.tokens {
                #expect(Array(bytes.folded(token)) == Array(bytes[token.bytes]))
            }
            let short = UnsafeBufferPointer(rebasing: bytes[0..<(text.tokens.last?.bytes.lowerBound ?? 0)])
            if let last = text.tokens.last, !last.bytes.isEmpty { #expect(short.folded(last).isEmpty) }
        }
    }

    /// Terms whose second part is each kind of part: the look at the next token before a
    /// match is tried rejects only what the match would.
    @Test func secondPartsOfEveryKindMatch() {
        let line = "Vi ska öka tryggheten med 15 % och polisen patrullerar i trygghetsvandringar"
        #expect(matches(["öka *heten"], in: [line]) == ["öka tryggheten"])
        #expect(matches(["öka trygg*"], in: [line]) == ["öka tryggheten"])
        #expect(matches(["öka tryggheten"], in: [line]) == ["öka tryggheten"])
        #expect(matches(["öka *het"], in: [line]) == [])
        #expect(matches(["med {n} %"], in: [line]) == ["med 15 %"])
        #expect(matches(["{n} %"], in: [line]) == ["15 %"])
        #expect(matches(["polisen *ar"], in: [line]) == ["polisen patrullerar"])
        #expect(matches(["i *vandringar"], in: [line]) == ["i trygghetsvandringar"])
        #expect(matches(["polisen trygg*"], in: [line]) == [])
        #expect(matches(["öka tryggheten"], in: ["Vi ska öka", "tryggheten"]) == [])
    }

    @Test func exactWordsMatchWholeWordsOnly() {
        #expect(matches(["trygghet"], in: ["Ökad trygghet, otrygghet och trygghetsvandring"]) == ["trygghet"])
    }

    @Test func matchingIgnoresCase() {
        #expect(matches(["Polisen"], in: ["POLISEN och polisen och PoLiSeN"]) == ["POLISEN", "polisen", "PoLiSeN"])
        #expect(matches(["ÖSTRA TORGET"], in: ["vid östra torget"]) == ["östra torget"])
    }

    @Test func multiWordPhrasesMatchAcrossPunctuationThatOnlySeparates() {
        #expect(matches(["öka tryggheten"], in: ["Vi ska öka, tryggheten i centrum"]) == ["öka, tryggheten"])
        #expect(matches(["öka tryggheten"], in: ["Vi ska öka den upplevda tryggheten"]) == [])
    }

    @Test func matchTokensAndEntryAreReported() throws {
        let text = TokenizedText([verbatimSpan("Vi ska öka tryggheten i centrum")])
        let matcher = PhraseMatcher(termLexicon("prov", ["öka tryggheten"]))
        let found = matcher.matches(in: text)
        #expect(found.count == 1)
        let match = try #require(found.first)
        #expect(match.tokens == 2..<4)
        #expect(match.entry.term == "öka tryggheten")
        #expect(match.number == nil)
        #expect(matcher.containsMatch(in: text))
        #expect(!matcher.containsMatch(in: TokenizedText([verbatimSpan("öka inte tryggheten")])))
    }

    @Test func trailingStarMatchesWordsThatStartWithThePrefix() {
        #expect(
            matches(["trygghets*"], in: ["Trygghetsvandringar, trygghetsmätning, trygghet och otrygghetsskapande"])
                == ["Trygghetsvandringar", "trygghetsmätning"])
    }

    @Test func leadingStarMatchesWordsThatEndWithTheSuffix() {
        #expect(
            matches(["*vandring"], in: ["En trygghetsvandring, en vandring och vandringar"])
                == ["trygghetsvandring", "vandring"])
    }

    @Test func starInAPhraseAppliesToItsOwnWord() {
        #expect(matches(["öka trygg*"], in: ["öka tryggheten och öka otryggheten"]) == ["öka tryggheten"])
    }

    @Test func numberSlotTakesDigitsAndNumberWords() {
        let text = TokenizedText([verbatimSpan("minst fyra gånger, minst 12 gånger och minst många gånger")])
        let matcher = PhraseMatcher(termLexicon("prov", ["minst {n} gånger"]), numberWords: Self.numberWords)
        let found = matcher.matches(in: text)
        #expect(found.map { text.excerpt($0.tokens) } == ["minst fyra gånger", "minst 12 gånger"])
        #expect(found.map(\.number) == [4, 12])
    }

    @Test func numberSlotWithoutNumberWordsTakesOnlyDigits() {
        #expect(matches(["{n} gånger"], in: ["fyra gånger och 3 gånger"]) == ["3 gånger"])
    }

    @Test func numberSlotJoinedToASymbol() {
        let text = TokenizedText([verbatimSpan("minska med 15 % eller 20% eller tolv%")])
        let matcher = PhraseMatcher(termLexicon("prov", ["{n}%"]), numberWords: Self.numberWords)
        let found = matcher.matches(in: text)
        #expect(found.map { text.excerpt($0.tokens) } == ["15 %", "20%", "tolv%"])
        #expect(found.map(\.number) == [15, 20, 12])
    }

    @Test func numberValueOfTokens() {
        let text = TokenizedText([verbatimSpan("tolv 7 / hundra")])
        let matcher = PhraseMatcher(termLexicon("prov", ["x"]), numberWords: Self.numberWords)
        #expect(text.tokens.map { matcher.numberValue(of: $0, in: text) } == [12, 7, nil, nil])
    }

    @Test func longestMatchWinsAtTheSamePlace() {
        let text = TokenizedText([verbatimSpan("trygghet i centrum")])
        let matcher = PhraseMatcher(termLexicon("prov", ["trygghet", "trygghet i centrum", "centrum"]))
        let found = matcher.matches(in: text)
        #expect(found.map(\.tokens) == [0..<3])
        #expect(found.map(\.entry.term) == ["trygghet i centrum"])
    }

    @Test func matchesDoNotOverlapAndTheLeftmostWins() {
        #expect(matches(["polisen och", "och kommunen"], in: ["polisen och kommunen"]) == ["polisen och"])
        #expect(
            matches(["polisen och kommunen", "kommunen"], in: ["polisen och kommunen samt kommunen"])
                == ["polisen och kommunen", "kommunen"])
    }

    @Test func phrasesDoNotMatchAcrossSpans() {
        #expect(matches(["öka tryggheten"], in: ["Vi ska öka", "tryggheten i centrum"]) == [])
        #expect(matches(["öka tryggheten"], in: ["Vi ska öka", "öka tryggheten"]) == ["öka tryggheten"])
    }

    @Test func symbolTermsMatchSymbolTokens() {
        #expect(matches(["per år/månad"], in: ["två gånger per år / månad"]) == ["per år / månad"])
        #expect(matches(["2025-2026"], in: ["under 2025–2026"]) == ["2025–2026"])
    }
}

@Suite struct TermPatternTests {
    @Test func partsOfTerms() throws {
        #expect(try TermPattern("Trygghet").parts == [.word("trygghet")])
        #expect(try TermPattern("trygghets*").parts == [.prefix("trygghets")])
        #expect(try TermPattern("*vandring").parts == [.suffix("vandring")])
        #expect(try TermPattern("minst {n} gånger").parts == [.word("minst"), .number, .word("gånger")])
        #expect(try TermPattern("{n}%").parts == [.number, .symbol("%")])
        #expect(try TermPattern("2025–2026").parts == [.word("2025"), .symbol("-"), .word("2026")])
    }

    @Test func starInsideAWordIsAnError() {
        #expect(
            throws: TermPattern.SyntaxError(
                message: "'*' may only start or end a word and '{n}' must stand alone in term 'a*b'")
        ) {
            try TermPattern("a*b")
        }
    }

    @Test func numberSlotAfterTextIsAnError() {
        #expect(
            throws: TermPattern.SyntaxError(
                message: "'*' may only start or end a word and '{n}' must stand alone in term 'minst{n}'")
        ) {
            try TermPattern("minst{n}")
        }
    }

    @Test(arguments: ["", "   ", ", «»", "*", "\"\""])
    func termsWithoutTokensAreEmpty(term: String) {
        #expect(throws: TermPattern.SyntaxError(message: "empty term")) {
            try TermPattern(term)
        }
    }

    @Test func lexiconEntryCompilesItsTerm() throws {
        let entry = try Lexicon.Entry(term: "Fyra", group: "tal", value: 4)
        #expect(entry.pattern.parts == [.word("fyra")])
        #expect(entry.group == "tal")
        #expect(throws: TermPattern.SyntaxError.self) { try Lexicon.Entry(term: "fy*ra") }
    }

    @Test func lexiconGroupsAndWordValues() throws {
        let lexicon = Lexicon(
            name: "tal",
            entries: [
                try Lexicon.Entry(term: "Fyra", group: "små", value: 4),
                try Lexicon.Entry(term: "tolv", group: "stora", value: 12),
                try Lexicon.Entry(term: "två", group: "små", value: 2),
                try Lexicon.Entry(term: "ett par", group: "små", value: 2),
                try Lexicon.Entry(term: "några"),
            ])
        #expect(lexicon.groups == ["små", "stora"])
        #expect(lexicon.wordValues == ["fyra": 4, "tolv": 12, "två": 2])
    }
}
