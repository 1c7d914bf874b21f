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

    /// Spans put together from their tokens found before (each tokenized as span 0), without
    /// tokenizing them again; the same tokens as ``init(_:lexicons:)`` would find.
    init(_ spans: [Span], tokenized pieces: [(tokens: [Token], bytes: [UInt8])], lexicons: CombinedMatcher?) {
        self.spans = spans
        self.lexiconScan = lexicons.map(LexiconScan.init)
        if pieces.count == 1 {
            // One span is already span 0 from offset 0: its arrays are shared, not copied.
            self.tokens = pieces[0].tokens
            self.foldedBytes = pieces[0].bytes
            return
        }
        var tokens: [Token] = []
        var bytes: [UInt8] = []
        tokens.reserveCapacity(pieces.reduce(0) { $0 + $1.tokens.count })
        bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.bytes.count })
        for (index, piece) in pieces.enumerated() {
            let offset = bytes.count
            bytes.append(contentsOf: piece.bytes)
            for token in piece.tokens { tokens.append(token.moved(toSpan: index, bytesBy: offset)) }
        }
        self.tokens = tokens
        self.foldedBytes = bytes
    }

    /// The tokens of one span on its own, as span 0, and their folded bytes.
    static func tokens(of span: Span) -> (tokens: [Token], bytes: [UInt8]) {
        var tokens: [Token] = []
        var bytes: [UInt8] = []
        let length = span.text.utf8.count
        tokens.reserveCapacity(length / 5 + 4)
        bytes.reserveCapacity(length)
        tokenize(span.text, spanIndex: 0, into: &tokens, bytes: &bytes)
        return (tokens, bytes)
    }

    /// The symbols that are tokens of their own; every other non-alphanumeric character separates.
    static let meaningfulSymbols: Set<Unicode.Scalar> = ["/", "%", "-", "–", "—", ".", "!", "?", ":", ";", "+"]

    /// The kinds and folded texts of the tokens of `text`.
    static func foldedTokens(of text: String) -> [(kind: Token.Kind, folded: String)] {
        var tokens: [Token] = []
        var bytes: [UInt8] = []
        tokenize(text, spanIndex: 0, into: &tokens, bytes: &bytes)
        return tokens.map { ($0.kind, String(decoding: bytes[$0.bytes], as: UTF8.self)) }
    }

    /// Appends the tokens of `text` to `tokens` and their folded UTF-8 to `bytes`.
    ///
    /// Walks the UTF-8 of `text` directly; text without contiguous UTF-8 takes the same loop
    /// over its Unicode scalars.
    static func tokenize(_ text: String, spanIndex: Int, into tokens: inout [Token], bytes: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            var reader = UTF8Reader(utf8)
            tokenize(&reader, text: text, spanIndex: spanIndex, into: &tokens, bytes: &bytes)
        }
        if done == nil {
            var reader = ScalarReader(text)
            tokenize(&reader, text: text, spanIndex: spanIndex, into: &tokens, bytes: &bytes)
        }
    }

    private static func tokenize<Reader: ScalarSource>(
        _ reader: inout Reader, text: String, spanIndex: Int, into tokens: inout [Token], bytes: inout [UInt8]
    ) {
        var offset = 0
        while let scalar = reader.peek() {
            guard let kind = kind(of: scalar) else {
                reader.advance()
                offset += 1
                continue
            }
            let sourceStart = reader.utf8Offset
            let startOffset = offset
            // The folded bytes of a token whose scalars all lie below U+0100 go straight into
            // `bytes`, without the general case mapping; anything above takes `lowercased()`.
            let start = bytes.count
            var isLatin1 = Self.appendFolded(scalar, to: &bytes)
            reader.advance()
            offset += 1
            if kind != .symbol {
                while let next = reader.peek() {
                    let continues =
                        kind == .word
                        ? (isLetter(next) || next == "\u{AD}" || (next.value >= 0x300 && isCombiningMark(next)))
                        : (next.value &- 0x30) < 10
                    guard continues else { break }
                    if isLatin1 { isLatin1 = Self.appendFolded(next, to: &bytes) }
                    reader.advance()
                    offset += 1
                }
            }
            let source = sourceStart..<reader.utf8Offset
            var isSimple = true
            if !isLatin1 {
                bytes.removeSubrange(start...)
                var token = String(text.unicodeScalars[Self.range(of: source, in: text)]).lowercased()
                if kind == .word { token.removeAll { $0 == "\u{AD}" } }
                if kind == .symbol, token == "–" || token == "—" { token = "-" }
                bytes.append(contentsOf: token.utf8)
                isSimple = Self.isSimple(token)
            }
            let token = bytes.withUnsafeBufferPointer { bytes in
                Token(
                    kind: kind, folded: UnsafeBufferPointer(rebasing: bytes[start...]), isSimple: isSimple,
                    spanIndex: spanIndex, scalarOffset: startOffset, source: source, bytes: start..<bytes.count)
            }
            tokens.append(token)
        }
    }

    /// Whether each scalar below U+0100 is alphabetic (`Unicode.Scalar.Properties.isAlphabetic`).
    private static let latin1Letters: [Bool] = (0..<256).map {
        Unicode.Scalar(UInt8($0)).properties.isAlphabetic
    }

    /// What kind of token `scalar` starts, or nil when it only separates.
    private static func kind(of scalar: Unicode.Scalar) -> Token.Kind? {
        switch scalar.value {
        case 0x30...0x39: .number
        case 0x41...0x5A, 0x61...0x7A: .word
        case 0x2F, 0x25, 0x2D, 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x2B, 0x2013, 0x2014: .symbol
        case 0..<0x80: nil
        case 0x80..<0x100: latin1Letters[Int(scalar.value)] ? .word : nil
        default: scalar.properties.isAlphabetic ? .word : nil
        }
    }

    /// `scalar.properties.isAlphabetic`, without the property lookup for ASCII.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0..<0x80: false
        case 0x80..<0x100: latin1Letters[Int(scalar.value)]
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

    /// A token's folded text: what matching compares.
    public func folded(_ token: Token) -> String {
        String(decoding: foldedBytes[token.bytes], as: UTF8.self)
    }

    /// Where a token stands in its span's text.
    public func range(of token: Token) -> Range<String.Index> {
        Self.range(of: token.source, in: spans[token.spanIndex].text)
    }

    /// Where the tokens from the first to the last of `tokens` stand in their span's text; nil when
    /// they lie in different spans.
    public func range(of tokens: Range<Int>) -> Range<String.Index>? {
        guard let first = tokens.first, let last = tokens.last else { return nil }
        let start = self.tokens[first]
        let end = self.tokens[last]
        guard start.spanIndex == end.spanIndex else { return nil }
        return Self.range(of: start.source.lowerBound..<end.source.upperBound, in: spans[start.spanIndex].text)
    }

    /// The string indices of UTF-8 offsets within `text`.
    private static func range(of offsets: Range<Int>, in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
        return lower..<utf8.index(lower, offsetBy: offsets.count)
    }

    /// The original text from the first to the last token of `range`, as written.
    public func excerpt(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last, last < tokens.count else { return "" }
        guard let source = self.range(of: range) else {
            return range.map { folded(tokens[$0]) }.joined(separator: " ")
        }
        return String(spans[tokens[first].spanIndex].text[source])
    }

    /// The number of characters of a token's folded text: for a simple token (one scalar per
    /// character) its UTF-8 lead bytes, counted without building the string's characters.
    public func characterCount(of token: Token) -> Int {
        guard token.isSimple else { return folded(token).count }
        return foldedBytes[token.bytes].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
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

/// The Unicode scalars of a text one by one, with the UTF-8 offset of the next.
private protocol ScalarSource {
    var utf8Offset: Int { get }
    func peek() -> Unicode.Scalar?
    mutating func advance()
}

/// Scalars decoded from a string's contiguous, valid UTF-8.
private struct UTF8Reader: ScalarSource {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var utf8Offset: Int { position }

    @inline(__always)
    func peek() -> Unicode.Scalar? {
        guard position < bytes.count else { return nil }
        let lead = UInt32(bytes[position])
        if lead < 0x80 { return Unicode.Scalar(UInt8(lead)) }
        var value: UInt32
        var count: Int
        if lead < 0xE0 {
            (value, count) = (lead & 0x1F, 2)
        } else if lead < 0xF0 {
            (value, count) = (lead & 0x0F, 3)
        } else {
            (value, count) = (lead & 0x07, 4)
        }
        for next in 1..<count { value = value << 6 | UInt32(bytes[position + next] & 0x3F) }
        return Unicode.Scalar(value)
    }

    @inline(__always)
    mutating func advance() {
        let lead = bytes[position]
        position += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}

/// Scalars from a string's Unicode scalar view, for text without contiguous UTF-8.
private struct ScalarReader: ScalarSource {
    let scalars: String.UnicodeScalarView
    var index: String.Index
    var utf8Offset = 0

    init(_ text: String) {
        scalars = text.unicodeScalars
        index = scalars.startIndex
    }

    func peek() -> Unicode.Scalar? { index < scalars.endIndex ? scalars[index] : nil }

    mutating func advance() {
        utf8Offset += UTF8.width(scalars[index])
        index = scalars.index(after: index)
    }
}
