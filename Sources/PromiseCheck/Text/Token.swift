/// A word, number or meaningful symbol in a piece of promise text.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word
        case number
        case symbol
    }

    public var kind: Kind
    /// The token case-folded; what matching compares.
    public var folded: String
    /// Index of the span in the tokenized text the token comes from.
    public var spanIndex: Int
    /// Offset of the first Unicode scalar within its span.
    public var scalarOffset: Int
    /// Where the token stands in its span's text.
    public var range: Range<String.Index>
    /// Whether `folded` has only scalars below U+0300, so bytes can be compared for equality.
    var isSimple: Bool = false
    /// Where `folded` stands in ``TokenizedText``'s folded bytes.
    var bytes: Range<Int> = 0..<0

    /// The numeric value of a number token.
    public var numberValue: Double? {
        guard kind == .number else { return nil }
        // Up to 15 digits a Double holds the number exactly, so adding digit by digit gives
        // what parsing the text gives; longer runs are parsed.
        let digits = folded.utf8
        guard digits.count <= 15 else { return Double(folded) }
        var value = 0.0
        for digit in digits { value = value * 10 + Double(digit &- 0x30) }
        return value
    }
}
