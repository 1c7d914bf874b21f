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
    public var numberValue: Double? { kind == .number ? Double(folded) : nil }
}
