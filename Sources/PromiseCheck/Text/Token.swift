/// A word, number or meaningful symbol in a piece of promise text.
///
/// A token holds positions, not text: its folded text lies in its ``TokenizedText``
/// (``TokenizedText/folded(_:)``, or the bytes at `bytes`), and where it stands in its span's
/// text is ``TokenizedText/range(of:)``. So a token is plain data, copied without reference
/// counting. Positions are 32-bit: a tokenized text holds up to 4 GiB of text.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word
        case number
        case symbol
    }

    public var kind: Kind
    /// Whether the folded text has only scalars below U+0300, so bytes can be compared for equality.
    var isSimple: Bool
    /// A symbol token's folded byte (symbols fold to one ASCII byte), 0 for other tokens.
    let symbol: UInt8
    private var span: UInt32
    private let scalar: UInt32
    /// Where the token stands in its span's text, as UTF-8 offsets.
    private let sourceStart: UInt32
    private let sourceEnd: UInt32
    /// Where the folded text stands in ``TokenizedText``'s folded bytes.
    private var bytesStart: UInt32
    private var bytesEnd: UInt32
    /// A number token's value (see ``numberValue``), 0 for other tokens.
    private let number: Double

    /// A token of `kind` whose folded text is `folded`, at the given places; a place past 32 bits
    /// traps.
    init(
        kind: Kind, folded: UnsafeBufferPointer<UInt8>, isSimple: Bool, spanIndex: Int, scalarOffset: Int,
        source: Range<Int>, bytes: Range<Int>
    ) {
        _ = (UInt32(spanIndex), UInt32(scalarOffset), UInt32(source.lowerBound), UInt32(source.upperBound))
        _ = (UInt32(bytes.lowerBound), UInt32(bytes.upperBound))
        self.init(
            kind: kind, folded: folded, isSimple: isSimple, fittingSpanIndex: spanIndex, scalarOffset: scalarOffset,
            source: source, bytes: bytes)
    }

    /// ``init(kind:folded:isSimple:spanIndex:scalarOffset:source:bytes:)`` for a tokenizer that
    /// has made sure every place fits 32 bits: one check per span rather than six per token.
    @inline(__always)
    init(
        kind: Kind, folded: UnsafeBufferPointer<UInt8>, isSimple: Bool, fittingSpanIndex spanIndex: Int,
        scalarOffset: Int, source: Range<Int>, bytes: Range<Int>
    ) {
        self.kind = kind
        self.isSimple = isSimple
        self.symbol = kind == .symbol && folded.count == 1 ? folded[0] : 0
        self.span = UInt32(truncatingIfNeeded: spanIndex)
        self.scalar = UInt32(truncatingIfNeeded: scalarOffset)
        self.sourceStart = UInt32(truncatingIfNeeded: source.lowerBound)
        self.sourceEnd = UInt32(truncatingIfNeeded: source.upperBound)
        self.bytesStart = UInt32(truncatingIfNeeded: bytes.lowerBound)
        self.bytesEnd = UInt32(truncatingIfNeeded: bytes.upperBound)
        self.number = kind == .number ? Self.value(ofDigits: folded) : 0
    }

    /// Index of the span in the tokenized text the token comes from.
    public var spanIndex: Int { Int(span) }

    /// Offset of the first Unicode scalar within its span.
    public var scalarOffset: Int { Int(scalar) }

    /// Where the token stands in its span's text, as UTF-8 offsets.
    var source: Range<Int> { Int(sourceStart)..<Int(sourceEnd) }

    /// Where the folded text stands in ``TokenizedText``'s folded bytes.
    var bytes: Range<Int> { Int(bytesStart)..<Int(bytesEnd) }

    /// The same token as span `spanIndex` of a text whose folded bytes stand `offset` further on.
    @inline(__always)
    func moved(toSpan spanIndex: Int, bytesBy offset: Int) -> Token {
        var token = self
        token.span = UInt32(spanIndex)
        token.bytesStart = UInt32(Int(bytesStart) + offset)
        token.bytesEnd = UInt32(Int(bytesEnd) + offset)
        return token
    }

    /// ``moved(toSpan:bytesBy:)`` in place, for a caller that has made sure that the span index
    /// and the moved places fit 32 bits: wrapping arithmetic, which then gives the same places,
    /// without a check for each token.
    @inline(__always)
    mutating func move(toFittingSpan spanIndex: Int, bytesBy offset: Int) {
        span = UInt32(truncatingIfNeeded: spanIndex)
        let shift = UInt32(truncatingIfNeeded: offset)
        bytesStart &+= shift
        bytesEnd &+= shift
    }

    /// The numeric value of a number token.
    public var numberValue: Double? { kind == .number ? number : nil }

    /// The value of a run of ASCII digits.
    private static func value(ofDigits digits: UnsafeBufferPointer<UInt8>) -> Double {
        // Up to 15 digits a Double holds the number exactly, so adding digit by digit gives
        // what parsing the text gives; longer runs are parsed.
        guard digits.count <= 15 else { return Double(String(decoding: digits, as: UTF8.self)) ?? .nan }
        var value = 0.0
        for digit in digits { value = value * 10 + Double(digit &- 0x30) }
        return value
    }
}
