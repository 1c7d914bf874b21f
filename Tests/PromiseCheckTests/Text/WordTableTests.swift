import Testing

@testable import PromiseCheck

/// `WordTable` answers as the dictionary it is built from, whatever the words' scalars.
@Suite struct WordTableTests {
    private static let words = [
        "två", "tre", "fyra", "tio", "tjugo", "tusen", "ett", "en", "åtta", "o\u{308}ka", "öka", "ıstanbul", "ß",
        "mars", "maj", "december", "decem", "t", "",
    ]

    @Test(arguments: [false, true])
    func answersAsTheDictionary(withDecomposedWord: Bool) {
        var values: [String: Int] = [:]
        for (index, word) in Self.words.enumerated() where !word.isEmpty {
            if withDecomposedWord || word.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { values[word] = index }
        }
        let table = WordTable(values)
        let text = TokenizedText([
            verbatimSpan(
                (Self.words + ["TVÅ", "Öka", "O\u{308}KA", "fyrtio", "tjugofem", "12", "-"]).joined(separator: " "))
        ])
        #expect(text.tokens.count > 20)
        for token in text.tokens {
            #expect(table[token: token, in: text] == values[text.folded(token)], "\(text.folded(token))")
        }
        #expect(text.tokens.contains { table[token: $0, in: text] != nil })
    }
}

/// A digit token's value, added up digit by digit, is what parsing its text gives.
@Suite struct DigitValueTests {
    @Test(arguments: 0..<10)
    func digitRunsReadAsParsed(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        for _ in 0..<300 {
            let digits = String(
                (0..<Int.random(in: 1...22, using: &generator)).map { _ in
                    Character(String(Int.random(in: 0...9, using: &generator)))
                })
            let token = TokenizedText([verbatimSpan(digits)]).tokens[0]
            #expect(token.numberValue == Double(digits), "\(digits)")
        }
    }

    /// Random words sharing first bytes and lengths, some longer than 63 bytes, against the
    /// dictionary: found, and near misses (one byte changed, one longer or shorter) not found.
    @Test(arguments: 0..<10)
    func randomWordsAnswerAsTheDictionary(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let letters = ["a", "b", "t", "å", "ä", "ö", "e"]
        func word() -> String {
            let count =
                Bool.random(using: &generator)
                ? Int.random(in: 1...5, using: &generator) : Int.random(in: 60...70, using: &generator)
            return (0..<count).map { _ in letters.randomElement(using: &generator) ?? "a" }.joined()
        }
        for _ in 0..<20 {
            var values: [String: Int] = [:]
            for index in 0..<Int.random(in: 1...30, using: &generator) { values[word()] = index }
            let table = WordTable(values)
            var probes = Array(values.keys)
            for known in values.keys {
                probes += [known + "a", String(known.dropLast()), "t" + known.dropFirst(), known.dropLast() + "b"]
            }
            probes += (0..<20).map { _ in word() }
            let text = TokenizedText([verbatimSpan(probes.filter { !$0.isEmpty }.joined(separator: " "))])
            for token in text.tokens {
                #expect(table[token: token, in: text] == values[text.folded(token)], "\(text.folded(token))")
            }
        }
    }
}
