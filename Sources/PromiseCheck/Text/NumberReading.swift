/// Reads numbers from tokens: runs of digits, or words the pack gives a value.
///
/// The words come from a lexicon parameter (such as `number_words`), so the engine itself
/// knows no language's number words.
struct NumberReader: Sendable {
    /// Values of number words by folded word.
    let words: WordTable<Double>

    init(_ lexicon: Lexicon?) {
        words = WordTable(lexicon?.wordValues ?? [:])
    }

    /// Whether a token is a number, in digits or as a word, where `bytes` are its text's
    /// folded bytes.
    func isNumber(_ token: Token, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // A run of digits always reads as a number (a very long one as infinity).
        switch token.kind {
        case .number: true
        case .word: words[token: token, bytes: bytes] != nil
        case .symbol: false
        }
    }

    /// A value for a message: whole numbers without a trailing `.0`, never trapping on huge ones.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

extension Token {
    /// The whole number a digit token of at most `maxDigits` digits (and at most 15, which a
    /// `Double` holds exactly) stands for.
    ///
    /// Checks the length first, so a run of thousands of digits is never converted.
    func integer(maxDigits: Int) -> Int? {
        guard kind == .number, digitCount <= Swift.min(maxDigits, 15), let value = numberValue else { return nil }
        return Int(value)
    }

    /// The number of digits of a digit token, 0 for other tokens.
    var digitCount: Int { kind == .number ? bytes.count : 0 }

    /// The year a four-digit token names when it lies in ``DateReading/plausibleYears``.
    var plausibleYear: Int? {
        guard digitCount == 4, let value = integer(maxDigits: 4), DateReading.plausibleYears.contains(value) else {
            return nil
        }
        return value
    }

    /// Whether the token is the symbol `symbol` (dashes are already folded to `-`).
    func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol && symbol.utf8.count == 1 && symbol.utf8.first == self.symbol
    }
}
