/// Spans of text split into tokens once, so every check can match against the same tokens.
///
/// Words are runs of letters (including å, ä, ö), numbers are runs of digits, and a few
/// symbols that carry meaning in promises (`/ % - – . ! ? : ; +`) are their own tokens. Other
/// punctuation (commas, quotes, brackets) only separates tokens, so "minst, fyra" matches the
/// phrase "minst fyra".
public struct TokenizedText: Sendable {
    public let spans: [Span]
    public let tokens: [Token]
    /// Every token's folded text as UTF-8, one after another; a token's are at `Token.bytes`.
    ///
    /// What matching walks, so that it reads bytes from one buffer and copies no strings.
    let foldedBytes: [UInt8]
    /// The matches of a pack's lexicons, scanned once when first asked for; nil for a text the
    /// engine did not make, whose lexicons are then scanned one by one.
    let lexiconScan: LexiconScan?

    public init(_ spans: [Span]) {
        self.init(spans, lexicons: nil)
    }

    /// Tokenized spans whose lexicon matches come from one scan by `lexicons`.
    init(_ spans: [Span], lexicons: CombinedMatcher?) {
        self.spans = spans
        self.lexiconScan = lexicons.map(LexiconScan.init)
        var tokens: [Token] = []
        var bytes: [UInt8] = []
        for (index, span) in spans.enumerated() {
            Self.tokenize(span.text, spanIndex: index, into: &tokens, bytes: &bytes)
        }
        self.tokens = tokens
        self.foldedBytes = bytes
    }

    /// The symbols that are tokens of their own; every other non-alphanumeric character separates.
    static let meaningfulSymbols: Set<Unicode.Scalar> = ["/", "%", "-", "–", "—", ".", "!", "?", ":", ";", "+"]

    static func tokenize(_ text: String, spanIndex: Int, into tokens: inout [Token]) {
        var bytes: [UInt8] = []
        tokenize(text, spanIndex: spanIndex, into: &tokens, bytes: &bytes)
    }

    /// Appends the tokens of `text` to `tokens` and their folded UTF-8 to `bytes`.
    static func tokenize(_ text: String, spanIndex: Int, into tokens: inout [Token], bytes: inout [UInt8]) {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        // The folded bytes of a token whose scalars all lie below U+0100, built without the
        // general case mapping; anything above takes `lowercased()`.
        var folded: [UInt8] = []
        folded.reserveCapacity(32)
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard let kind = kind(of: scalar) else {
                index = scalars.index(after: index)
                offset += 1
                continue
            }
            let startIndex = index
            let startOffset = offset
            var isLatin1 = Self.appendFolded(scalar, to: &folded)
            index = scalars.index(after: index)
            offset += 1
            if kind != .symbol {
                while index < scalars.endIndex {
                    let next = scalars[index]
                    let continues =
                        kind == .word
                        ? (isLetter(next) || next == "\u{AD}" || (next.value >= 0x300 && isCombiningMark(next)))
                        : (next.value &- 0x30) < 10
                    guard continues else { break }
                    if isLatin1 { isLatin1 = Self.appendFolded(next, to: &folded) }
                    index = scalars.index(after: index)
                    offset += 1
                }
            }
            let range = startIndex..<index
            var token: String
            if isLatin1 {
                token = String(decoding: folded, as: UTF8.self)
            } else {
                token = String(text.unicodeScalars[range]).lowercased()
                if kind == .word { token.removeAll { $0 == "\u{AD}" } }
            }
            folded.removeAll(keepingCapacity: true)
            if kind == .symbol, token == "–" || token == "—" { token = "-" }
            let start = bytes.count
            bytes.append(contentsOf: token.utf8)
            tokens.append(
                Token(
                    kind: kind, folded: token, spanIndex: spanIndex, scalarOffset: startOffset, range: range,
                    isSimple: isLatin1 || Self.isSimple(token), bytes: start..<bytes.count))
        }
    }

    /// What kind of token `scalar` starts, or nil when it only separates.
    private static func kind(of scalar: Unicode.Scalar) -> Token.Kind? {
        switch scalar.value {
        case 0x30...0x39: .number
        case 0x41...0x5A, 0x61...0x7A: .word
        case 0x2F, 0x25, 0x2D, 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x2B, 0x2013, 0x2014: .symbol
        case 0..<0x80: nil
        default: scalar.properties.isAlphabetic ? .word : nil
        }
    }

    /// `scalar.properties.isAlphabetic`, without the property lookup for ASCII.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0..<0x80: false
        default: scalar.properties.isAlphabetic
        }
    }

    /// Appends the lower case of a scalar below U+0100 as UTF-8, dropping soft hyphens; false,
    /// appending nothing, for any other scalar.
    ///
    /// Below U+0100 lower-casing is one scalar to one: A–Z and À–Þ (but ×) move by 0x20, the
    /// rest stay, as `String.lowercased()` has them.
    @inline(__always)
    private static func appendFolded(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) -> Bool {
        var value = scalar.value
        guard value < 0x100 else { return false }
        if (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) { value += 0x20 }
        if value < 0x80 {
            bytes.append(UInt8(value))
        } else if value != 0xAD {
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
        return true
    }

    /// Whether every scalar of `text` lies below U+0300, where each scalar is a character of
    /// its own and text is in normal form C: byte comparison then equals `String` comparison.
    static func isSimple(_ text: String) -> Bool {
        // UTF-8 lead bytes from 0xCC up start scalars at or above U+0300.
        text.utf8.allSatisfy { $0 < 0xCC }
    }

    /// Where a token stands in the file.
    public func location(of token: Token) -> SourceLocation {
        spans[token.spanIndex].location(atScalarOffset: token.scalarOffset)
    }

    /// The original text from the first to the last token of `range`, as written.
    public func excerpt(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last, last < tokens.count else { return "" }
        let start = tokens[first]
        let end = tokens[last]
        guard start.spanIndex == end.spanIndex else {
            return range.map { tokens[$0].folded }.joined(separator: " ")
        }
        let text = spans[start.spanIndex].text
        return String(text[start.range.lowerBound..<end.range.upperBound])
    }

    /// Number of word tokens.
    public var wordCount: Int { tokens.lazy.filter { $0.kind == .word }.count }

    /// Combining marks (a decomposed "ö" is "o" + U+0308) belong to the word they follow.
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
