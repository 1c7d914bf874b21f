import Testing

@testable import PromiseCheck

@Suite struct TokenizedTextTests {
    private func folded(_ text: String) -> [String] {
        let text = TokenizedText([verbatimSpan(text)])
        return text.tokens.map(text.folded)
    }

    @Test func wordsKeepSwedishLettersAndAreCaseFolded() {
        let text = TokenizedText([verbatimSpan("Trygghetsvandring på Östra Torget")])
        #expect(text.tokens.map(text.folded) == ["trygghetsvandring", "på", "östra", "torget"])
        #expect(text.tokens.map(\.kind) == [.word, .word, .word, .word])
        #expect(text.wordCount == 4)
    }

    @Test func digitsAreNumberTokensWithValues() {
        let text = TokenizedText([verbatimSpan("minst 4 vandringar under 2025")])
        #expect(text.tokens.map(text.folded) == ["minst", "4", "vandringar", "under", "2025"])
        #expect(text.tokens.map(\.kind) == [.word, .number, .word, .word, .number])
        #expect(text.tokens.map(\.numberValue) == [nil, 4, nil, nil, 2025])
        #expect(text.wordCount == 3)
    }

    @Test func lettersAndDigitsSplitIntoSeparateTokens() {
        #expect(folded("E22:an") == ["e", "22", ":", "an"])
    }

    @Test func meaningfulSymbolsAreTokensAndDashesFoldToHyphen() {
        let text = TokenizedText([verbatimSpan("2025–2026 — 30 % / år; klart? ja! + 1.")])
        #expect(
            text.tokens.map(text.folded) == [
                "2025", "-", "2026", "-", "30", "%", "/", "år", ";", "klart", "?", "ja", "!", "+", "1", ".",
            ])
        #expect(text.tokens[1].kind == .symbol)
        #expect(text.tokens[3].kind == .symbol)
    }

    @Test func commasQuotesAndBracketsOnlySeparate() {
        #expect(
            folded("minst, fyra \"trygghetsvandringar\" (i «centrum»)") == [
                "minst", "fyra", "trygghetsvandringar", "i", "centrum",
            ])
    }

    @Test func softHyphenStaysInsideAWordAndIsDroppedWhenFolding() {
        let text = TokenizedText([verbatimSpan("trygg\u{AD}hets\u{AD}vandring i dag")])
        #expect(text.tokens.map(text.folded) == ["trygghetsvandring", "i", "dag"])
        #expect(text.tokens.map(\.scalarOffset) == [0, 20, 22])
    }

    @Test func scalarOffsetsCountUnicodeScalarsNotCharacters() {
        // The thumbs-up with a skin tone is one Character of two scalars.
        let text = TokenizedText([verbatimSpan("👍🏽 bra, å ö")])
        #expect(text.tokens.map(text.folded) == ["bra", "å", "ö"])
        #expect(text.tokens.map(\.scalarOffset) == [3, 8, 10])
    }

    @Test func verbatimSpanLocationsAddTheOffsetToTheColumn() {
        let text = TokenizedText([verbatimSpan("Trygghetsvandring på Östra torget", 3, 5)])
        #expect(text.tokens.map(\.scalarOffset) == [0, 18, 21, 27])
        #expect(text.tokens.map(text.location(of:)) == [pos(3, 5), pos(3, 23), pos(3, 26), pos(3, 32)])
    }

    @Test func tokensOfEachSpanRecordTheirSpanAndLocation() {
        let text = TokenizedText([verbatimSpan("Polisen lovar", 2, 8), verbatimSpan("Kommunen lovar", 7, 3)])
        #expect(text.tokens.map(\.spanIndex) == [0, 0, 1, 1])
        #expect(text.tokens.map(\.scalarOffset) == [0, 8, 0, 9])
        #expect(text.tokens.map(text.location(of:)) == [pos(2, 8), pos(2, 16), pos(7, 3), pos(7, 12)])
    }

    @Test func nonVerbatimSpanPutsEveryTokenAtTheStartOfTheValue() {
        let text = TokenizedText([Span("ökad trygghet", at: pos(4, 10))])
        #expect(text.tokens.map(text.location(of:)) == [pos(4, 10), pos(4, 10)])
    }

    @Test func multiLineSpanMapsTokensToTheirOwnLine() {
        let lines = [
            Span.LineStart(offset: 0, location: pos(5, 5)),
            Span.LineStart(offset: 13, location: pos(6, 5)),
            Span.LineStart(offset: 25, location: pos(8, 7)),
        ]
        let span = Span("Första raden andra raden tredje raden", lineStarts: lines)
        #expect(span.location == pos(5, 5))
        #expect(span.isVerbatim)
        let text = TokenizedText([span])
        #expect(text.tokens.map(\.scalarOffset) == [0, 7, 13, 19, 25, 32])
        #expect(
            text.tokens.map(text.location(of:)) == [
                pos(5, 5), pos(5, 12), pos(6, 5), pos(6, 11), pos(8, 7), pos(8, 14),
            ])
    }

    @Test func excerptIsTheOriginalTextBetweenTheTokens() {
        let text = TokenizedText([verbatimSpan("Vi lovar Minst, fyra trygghetsvandringar.")])
        #expect(text.excerpt(2..<5) == "Minst, fyra trygghetsvandringar")
        #expect(text.excerpt(2..<6) == "Minst, fyra trygghetsvandringar.")
        #expect(text.excerpt(0..<1) == "Vi")
        #expect(text.excerpt(3..<3) == "")
        #expect(text.excerpt(5..<9) == "")
    }

    @Test func excerptAcrossSpansJoinsTheFoldedTokens() {
        let text = TokenizedText([verbatimSpan("Öka Tryggheten"), verbatimSpan("I Centrum", 2)])
        #expect(text.excerpt(1..<3) == "tryggheten i")
    }

    @Test func letterTableAgreesWithUnicodeBelowU0100() {
        for value in UInt8.min...UInt8.max {
            let scalar = Unicode.Scalar(value)
            #expect(TokenizedText.isLetter(scalar) == scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
        }
        #expect(TokenizedText.isLetter("Σ") && !TokenizedText.isLetter("€"))
    }

    @Test func tokensArePlainData() {
        // Copying tokens (scopes share them) must not count references.
        #expect(_isPOD(Token.self))
        #expect(MemoryLayout<Token>.stride <= 40)
    }

    @Test func tokensMadeUncheckedAreTheCheckedOnes() {
        // The tokenizer checks once per span that every place fits 32 bits, then makes its
        // tokens without a check each.
        var generator = SeededGenerator(state: 7)
        let digits: [UInt8] = Array("2025".utf8)
        for _ in 0..<1_000 {
            func place() -> Int { Int.random(in: 0...Int(UInt32.max), using: &generator) }
            let (source, bytes) = ([place(), place()].sorted(), [place(), place()].sorted())
            let kind = [Token.Kind.word, .number, .symbol].randomElement(using: &generator)!
            let isSimple = Bool.random(using: &generator)
            let (span, scalar) = (place(), place())
            digits.withUnsafeBufferPointer { folded in
                let checked = Token(
                    kind: kind, folded: folded, isSimple: isSimple, spanIndex: span, scalarOffset: scalar,
                    source: source[0]..<source[1], bytes: bytes[0]..<bytes[1])
                let unchecked = Token(
                    kind: kind, folded: folded, isSimple: isSimple, fittingSpanIndex: span, scalarOffset: scalar,
                    source: source[0]..<source[1], bytes: bytes[0]..<bytes[1])
                #expect(checked == unchecked)
                #expect(unchecked.spanIndex == span && unchecked.scalarOffset == scalar)
                #expect(unchecked.source == source[0]..<source[1] && unchecked.bytes == bytes[0]..<bytes[1])
            }
        }
    }

    @Test func rangesAreWhereTheTokensStandInTheirSpans() throws {
        let text = TokenizedText([verbatimSpan("«Öka» trygg\u{AD}heten 👍🏽 i Ekby"), verbatimSpan("År 2025", 2)])
        let written = text.tokens.map { String(text.spans[$0.spanIndex].text[text.range(of: $0)]) }
        #expect(written == ["Öka", "trygg\u{AD}heten", "i", "Ekby", "År", "2025"])
        let range = try #require(text.range(of: 1..<4))
        #expect(text.spans[0].text[range] == "trygg\u{AD}heten 👍🏽 i Ekby")
        #expect(text.range(of: 3..<5) == nil)
        #expect(text.range(of: 2..<2) == nil)
    }

    @Test
    func decomposedLettersStayInOneWord() {
        // "ö" written as o + U+0308, as text copied from some PDFs is.
        let text = TokenizedText([verbatimSpan("trygghetsmo\u{308}te i dag")])
        #expect(text.tokens.map(text.folded) == ["trygghetsmöte", "i", "dag"])
        #expect(text.wordCount == 3)
    }

    /// Counting words without tokens gives what tokenizing gives, on random spans of letters
    /// (Latin-1 and beyond, decomposed ones, soft hyphens), digits, symbols and separators.
    @Test func wordCountWithoutTokensAgreesWithTheTokenizer() {
        let pieces = [
            "a", "Z", "ö", "Å", "é", "ß", "ÿ", "µ", "ª", "×", "÷", "ω", "Ж", "漢", "ﬁ", "\u{308}", "\u{301}",
            "\u{AD}", "\u{345}", "7", "٣", "½", "²", " ", "\t", "\n", "\u{A0}", ".", ",", "-", "–", "—", "/", "%",
            "'", "’", "«", "👍🏽", "🇸🇪", "\u{200D}", "\u{FEFF}", "\r\n",
        ]
        var generator = SeededGenerator(state: 0x3D5)
        for round in 0..<2000 {
            let spans = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                verbatimSpan(
                    (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                        pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                    }.joined())
            }
            let expected = TokenizedText(spans).wordCount
            #expect(TokenizedText.wordCount(of: spans) == expected, "round \(round): \(spans.map(\.text))")
        }
    }

    /// ``TokenizedText/copy(_:of:)`` token by token, each moved with its checks: the reference.
    static func referenceCopy(_ pieces: [SpanTokens.Piece], of store: SpanTokens) -> [Token] {
        var tokens: [Token] = []
        for (index, piece) in pieces.enumerated() {
            tokens += store.tokens[piece.tokens].map { $0.moved(toSpan: index, bytesBy: 0) }
        }
        return tokens
    }

    /// A text of all a store's pieces in order shares the store's buffers; any other text of its
    /// pieces copies them (``TokenizedText/copy(_:of:)``). Both give the tokens and bytes of
    /// copying token by token (``referenceCopy(_:of:)``), on random stores with empty spans,
    /// pieces repeated, left out and out of order, and stores taken from a reader's text.
    @Test func textsOfAllOfAStoreSharedOrCopiedHaveTheSameTokens() {
        let words = ["Polisen", "ska", "Öka", "e\u{301}n", "2025", "–", ",", " ", "\u{AD}", "ÅR", ""]
        var generator = SeededGenerator(state: 0x7E)
        func text() -> String {
            (0..<Int.random(in: 0...5, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
        }
        var shared = 0
        for round in 0..<400 {
            let spans = (0..<Int.random(in: 0...6, using: &generator)).map { verbatimSpan(text(), $0 + 1) }
            var store = SpanTokens()
            var pieces: [SpanTokens.Piece]
            if Bool.random(using: &generator) {
                var addition = SpanTokens.Addition(to: store, capacity: 0)
                pieces = []
                for span in spans { pieces.append(addition.add(span)) }
                store.commit(addition)
            } else {
                store = SpanTokens(TokenizedText(spans))
                pieces = SpanTokens.pieces(of: TokenizedText(spans))
            }
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: pieces.shuffle(using: &generator)
            case 1: pieces = pieces.filter { _ in Bool.random(using: &generator) }
            case 2: pieces += pieces.prefix(Int.random(in: 0...2, using: &generator))
            default: break
            }
            let texts = pieces.indices.map { spans.isEmpty ? verbatimSpan("", $0 + 1) : spans[$0 % spans.count] }
            let made = TokenizedText(texts, pieces: pieces, of: store, lexicons: nil)
            let reference = Self.referenceCopy(pieces, of: store)
            #expect(TokenizedText.copy(pieces, of: store) == reference, "round \(round)")
            #expect(made.tokens == reference, "round \(round)")
            #expect(made.foldedBytes == store.bytes, "round \(round)")
            // Each token's folded text is the one it has in the store.
            let folded = pieces.flatMap { store.tokens[$0.tokens] }.map {
                String(decoding: store.bytes[$0.bytes], as: UTF8.self)
            }
            #expect(made.tokens.map(made.folded) == folded, "round \(round)")
            let sharesStore = made.tokens.withUnsafeBufferPointer { made in
                store.tokens.withUnsafeBufferPointer { $0.baseAddress == made.baseAddress }
            }
            if sharesStore, !made.tokens.isEmpty { shared += 1 }
        }
        #expect(shared > 50)
    }

    /// Random spans of words, numbers, symbols and letters whose lower case is longer (İ), so
    /// that buffers grow and tokens take the general case mapping.
    static func randomSpans(using generator: inout SeededGenerator) -> [Span] {
        let words = [
            "Polisen", "ska", "Öka", "e\u{301}n", "2025", "–", "-", ".", ",", " ", "\u{AD}", "ÅR", "İİİ", "ﬁ", "",
        ]
        return (0..<Int.random(in: 0...7, using: &generator)).map { line in
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                words.randomElement(using: &generator)!
            }
            return verbatimSpan(text.joined(separator: Bool.random(using: &generator) ? " " : ""), line + 1)
        }
    }

    /// Each span's tokens as tokenizing it alone gives them, numbered by its place in `spans`
    /// and with the folded bytes of the spans before it in front: the reference for tokenizing
    /// spans together.
    static func oneByOne(_ spans: [Span]) -> (tokens: [Token], bytes: [UInt8]) {
        var tokens: [Token] = []
        var bytes: [UInt8] = []
        for (index, span) in spans.enumerated() {
            let alone = TokenizedText([span])
            tokens += alone.tokens.map { $0.moved(toSpan: index, bytesBy: bytes.count) }
            bytes += alone.foldedBytes
        }
        return (tokens, bytes)
    }

    /// Spans tokenized together into one tokenizer's buffers, whatever room they start with,
    /// get the tokens of tokenizing each alone; so do spans added to a store in batches, some
    /// dropped again (``SpanTokens/Addition``).
    @Test func spansTokenizedTogetherHaveTheirOwnTokens() {
        var generator = SeededGenerator(state: 0x70C)
        for round in 0..<300 {
            let spans = Self.randomSpans(using: &generator)
            let reference = Self.oneByOne(spans)
            let together = TokenizedText(spans)
            #expect(together.tokens == reference.tokens, "round \(round)")
            #expect(together.foldedBytes == reference.bytes, "round \(round)")
            var tokenizer = SpanTokenizer(capacity: Int.random(in: 0...4_000, using: &generator))
            for (index, span) in spans.enumerated() { tokenizer.add(span.text, spanIndex: index) }
            let arrays = tokenizer.arrays()
            #expect(arrays.tokens == reference.tokens, "round \(round)")
            #expect(arrays.bytes == reference.bytes, "round \(round)")

            var store = SpanTokens()
            var kept: [Span] = []
            var remaining = spans[...]
            while !remaining.isEmpty {
                var addition = SpanTokens.Addition(to: store, capacity: Int.random(in: 0...200, using: &generator))
                for span in remaining.prefix(Int.random(in: 1...3, using: &generator)) {
                    let piece = addition.add(span)
                    if Int.random(in: 0..<4, using: &generator) == 0 {
                        addition.removeLast(piece)
                    } else {
                        kept.append(span)
                    }
                    remaining.removeFirst()
                }
                store.commit(addition)
            }
            let expected = Self.oneByOne(kept)
            #expect(store.tokens == expected.tokens, "round \(round)")
            #expect(store.bytes == expected.bytes, "round \(round)")
        }
    }
}
