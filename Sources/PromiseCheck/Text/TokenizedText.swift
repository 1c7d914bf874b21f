/// Spans of text split into tokens once, so every check can match against the same tokens.
///
/// Words are runs of letters (including å, ä, ö), numbers are runs of digits, and a few
/// symbols that carry meaning in promises (`/ % - – . ! ? : ; +`) are their own tokens. Other
/// punctuation (commas, quotes, brackets) only separates tokens, so "minst, fyra" matches the
/// phrase "minst fyra".
public struct TokenizedText: Sendable {
    public let spans: [Span]
    public let tokens: [Token]
    /// Every token's folded text as UTF-8; a token's are at `Token.bytes`. A text the engine
    /// puts together from a store's pieces shares the store's bytes, with other spans' between.
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
        var tokenizer = SpanTokenizer(capacity: spans.reduce(0) { $0 + $1.text.utf8.count })
        for (index, span) in spans.enumerated() {
            tokenizer.add(span.text, spanIndex: index)
        }
        (tokens, foldedBytes) = tokenizer.arrays()
    }

    /// Spans put together from their tokens found before in `store` (`pieces`, one for each
    /// span), without tokenizing them again; the same tokens as ``init(_:lexicons:)`` would find,
    /// but for where their folded bytes stand: the text shares the store's bytes, and each token
    /// keeps its place there.
    ///
    /// When `pieces` are all of the store's, in order, its tokens are already this text's (the
    /// store numbers each span's tokens by its place in it), and the text shares them too.
    init(_ spans: [Span], pieces: [SpanTokens.Piece], of store: SpanTokens, lexicons: CombinedMatcher?) {
        self.spans = spans
        self.lexiconScan = lexicons.map(LexiconScan.init)
        foldedBytes = store.bytes
        tokens = store.isWhole(pieces) ? store.tokens : Self.copy(pieces, of: store)
    }

    /// The tokens of `pieces` copied out of `store`, each span's numbered by its place in
    /// `pieces`, their bytes where they stand in the store: ``init(_:pieces:of:lexicons:)``'s
    /// way for any pieces.
    static func copy(_ pieces: [SpanTokens.Piece], of store: SpanTokens) -> [Token] {
        let tokenCount = pieces.reduce(0) { $0 + $1.tokens.count }
        // Every span index fits 32 bits when the pieces do: the tokens are then numbered
        // without a check for each.
        let fits = pieces.count < Int(UInt32.max)
        // An array made by reserving room and appending rather than by
        // `init(unsafeUninitializedCapacity:)`, which looks its storage's type up in the runtime's
        // tables on every call: that look-up cost more than all the copying.
        var tokens: [Token] = []
        tokens.reserveCapacity(tokenCount)
        append(pieces.lazy.map(\.tokens), of: store.tokens, to: &tokens)
        // Each span's tokens then numbered by its place in `pieces`.
        tokens.withUnsafeMutableBufferPointer { buffer in
            var start = 0
            for (index, piece) in pieces.enumerated() {
                let end = start + piece.tokens.count
                if fits {
                    for position in start..<end { buffer[position].move(toFittingSpan: index, bytesBy: 0) }
                } else {
                    for position in start..<end { buffer[position] = buffer[position].moved(toSpan: index, bytesBy: 0) }
                }
                start = end
            }
        }
        return tokens
    }

    /// Appends the elements of `source` in `ranges`, in order, to `array`: ranges that follow
    /// one another in one go (a text's spans mostly lie side by side in the store).
    private static func append<Element>(
        _ ranges: some Sequence<Range<Int>>, of source: [Element], to array: inout [Element]
    ) {
        source.withUnsafeBufferPointer { source in
            var run = 0..<0
            for range in ranges {
                precondition(range.lowerBound >= 0 && range.upperBound <= source.count, "a piece outside the store")
                if range.lowerBound == run.upperBound {
                    run = run.lowerBound..<range.upperBound
                    continue
                }
                if !run.isEmpty { array.append(contentsOf: UnsafeBufferPointer(rebasing: source[run])) }
                run = range
            }
            if !run.isEmpty { array.append(contentsOf: UnsafeBufferPointer(rebasing: source[run])) }
        }
    }

    /// The symbols that are tokens of their own; every other non-alphanumeric character separates.
    static let meaningfulSymbols: Set<Unicode.Scalar> = ["/", "%", "-", "–", "—", ".", "!", "?", ":", ";", "+"]

    /// The kinds and folded texts of the tokens of `text`.
    static func foldedTokens(of text: String) -> [(kind: Token.Kind, folded: String)] {
        var tokenizer = SpanTokenizer(capacity: text.utf8.count)
        tokenizer.add(text, spanIndex: 0)
        let (tokens, bytes) = tokenizer.arrays()
        return tokens.map { ($0.kind, String(decoding: bytes[$0.bytes], as: UTF8.self)) }
    }

    /// Appends the tokens of `utf8`, the UTF-8 of `text`, to `tokens` and their folded bytes to
    /// `writer`, whose bytes will follow `base` others.
    fileprivate static func tokenize(
        _ utf8: UnsafeBufferPointer<UInt8>, text: String, spanIndex: Int, base: Int,
        into tokens: inout BufferWriter<Token>, writer: inout BufferWriter<UInt8>
    ) {
        // Every position below fits 32 bits when the folded bytes do, at most four for each byte
        // of the span (lower-casing lengthens a token by half at most); a token is then made
        // without checking each.
        let positionsFit =
            spanIndex <= Int(UInt32.max) && base + writer.count + 4 * utf8.count < Int(UInt32.max)
        var position = 0
        var offset = 0
        while position < utf8.count {
            var scalar = Unicode.Scalar(utf8[position])
            var width = 1
            if scalar.value >= 0x80 { (scalar, width) = decode(utf8, at: position) }
            guard let kind = kind(of: scalar) else {
                position += width
                offset += 1
                continue
            }
            let sourceStart = position
            let startOffset = offset
            // The folded bytes of a token whose scalars all lie below U+0100 go straight into
            // `writer`, without the general case mapping; anything above takes `lowercased()`.
            let start = writer.count
            var isLatin1 = Self.appendFolded(scalar, to: &writer)
            position += width
            offset += 1
            switch kind {
            case .symbol:
                break
            case .number:
                while position < utf8.count, utf8[position] &- 0x30 < 10 {
                    writer.append(utf8[position])
                    position += 1
                    offset += 1
                }
            case .word:
                while position < utf8.count {
                    let lead = utf8[position]
                    if lead < 0x80 {
                        // Only ASCII letters continue a word; lower case sets bit 5.
                        guard (lead | 0x20) &- 0x61 < 26 else { break }
                        if isLatin1 { writer.append(lead | 0x20) }
                        position += 1
                        offset += 1
                        continue
                    }
                    let (next, width) = decode(utf8, at: position)
                    guard continuesWord(next) else { break }
                    if isLatin1 { isLatin1 = Self.appendFolded(next, to: &writer) }
                    position += width
                    offset += 1
                }
            }
            let source = sourceStart..<position
            var isSimple = true
            if !isLatin1 {
                writer.removeAll(from: start)
                var token = String(text.unicodeScalars[Self.range(of: source, in: text)]).lowercased()
                if kind == .word { token.removeAll { $0 == "\u{AD}" } }
                if kind == .symbol, token == "–" || token == "—" { token = "-" }
                for byte in token.utf8 { writer.append(byte) }
                isSimple = Self.isSimple(token)
            }
            let bytes = (base + start)..<(base + writer.count)
            let folded = writer.elements(from: start)
            tokens.append(
                positionsFit
                    ? Token(
                        kind: kind, folded: folded, isSimple: isSimple, fittingSpanIndex: spanIndex,
                        scalarOffset: startOffset, source: source, bytes: bytes)
                    : Token(
                        kind: kind, folded: folded, isSimple: isSimple, spanIndex: spanIndex,
                        scalarOffset: startOffset, source: source, bytes: bytes))
        }
    }

    /// The scalar whose UTF-8 (valid, as a `String`'s) starts at `position`, and its length.
    @inline(__always)
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at position: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(utf8[position])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        var value: UInt32
        var count: Int
        if lead < 0xE0 {
            (value, count) = (lead & 0x1F, 2)
        } else if lead < 0xF0 {
            (value, count) = (lead & 0x0F, 3)
        } else {
            (value, count) = (lead & 0x07, 4)
        }
        for next in 1..<count { value = value << 6 | UInt32(utf8[position + next] & 0x3F) }
        return (Unicode.Scalar(value).unsafelyUnwrapped, count)
    }

    /// Whether `scalar`, at or above U+0080, continues a word: a letter, a soft hyphen or a
    /// combining mark (ASCII letters continue one too).
    @inline(__always)
    private static func continuesWord(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || scalar == "\u{AD}" || (scalar.value >= 0x300 && isCombiningMark(scalar))
    }

    /// The number of words ``init(_:)`` finds in `spans` (its ``wordCount``), without making
    /// tokens: the starts of words, by the tokenizer's rules for where a word starts and ends.
    static func wordCount(of spans: [Span]) -> Int {
        var count = 0
        for span in spans {
            var text = span.text
            count += text.withUTF8(wordCount)
        }
        return count
    }

    /// The number of words in `utf8` (valid UTF-8, as a `String`'s).
    private static func wordCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        var position = 0
        while position < utf8.count {
            let lead = utf8[position]
            if lead < 0x80 {
                // ASCII: only letters start or continue a word; lower case sets bit 5.
                let isLetter = (lead | 0x20) &- 0x61 < 26
                if isLetter, !inWord { count += 1 }
                inWord = isLetter
                position += 1
                continue
            }
            let (scalar, width) = decode(utf8, at: position)
            if inWord {
                inWord = continuesWord(scalar)
            }
            if !inWord, kind(of: scalar) == .word {
                count += 1
                inWord = true
            }
            position += width
        }
        return count
    }

    /// What kind of token `scalar` starts, or nil when it only separates.
    @inline(__always)
    private static func kind(of scalar: Unicode.Scalar) -> Token.Kind? {
        switch scalar.value {
        case 0x30...0x39: .number
        case 0x41...0x5A, 0x61...0x7A: .word
        case 0x2F, 0x25, 0x2D, 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x2B, 0x2013, 0x2014: .symbol
        case 0..<0x80: nil
        default: isLetter(scalar) ? .word : nil
        }
    }

    /// `scalar.properties.isAlphabetic`, without the property lookup below U+0100.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: true
        // ª, µ, º and the letters of Latin-1 (all of U+00C0–U+00FF but × and ÷).
        case 0xAA, 0xB5, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF: true
        case 0..<0x100: false
        default: scalar.properties.isAlphabetic
        }
    }

    /// The lower case of a scalar below U+0100, nil for any other scalar.
    ///
    /// Below U+0100 lower-casing is one scalar to one: A–Z and À–Þ (but ×) move by 0x20, the
    /// rest stay, as `String.lowercased()` has them.
    @inline(__always)
    static func latin1Lowercase(_ value: UInt32) -> UInt32? {
        guard value < 0x100 else { return nil }
        return (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) ? value + 0x20 : value
    }

    /// Appends the lower case of a scalar below U+0100 (``latin1Lowercase(_:)``) as UTF-8,
    /// dropping soft hyphens; false, appending nothing, for any other scalar.
    @inline(__always)
    private static func appendFolded(_ scalar: Unicode.Scalar, to bytes: inout BufferWriter<UInt8>) -> Bool {
        guard let value = latin1Lowercase(scalar.value) else { return false }
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

/// Spans tokenized one by one into one buffer of tokens and one of folded bytes, for texts put
/// together from them (``TokenizedText/init(_:pieces:of:lexicons:)``, which gives each token
/// the span index it has there).
///
/// Each span's tokens carry its place among the pieces (its span index in a text of all the
/// pieces in order, which then shares the buffers), and the pieces' tokens and bytes follow one
/// another without a gap.
struct SpanTokens: Sendable {
    private(set) var tokens: [Token] = []
    private(set) var bytes: [UInt8] = []
    /// The number of pieces.
    private(set) var pieceCount = 0

    init() {}

    /// The tokens and folded bytes of `text` as they are, without tokenizing again: its spans
    /// are the pieces (``pieces(of:)``). The text is one ``TokenizedText/init(_:)`` made, whose
    /// spans' bytes follow one another.
    init(_ text: TokenizedText) {
        tokens = text.tokens
        bytes = text.foldedBytes
        pieceCount = text.spans.count
    }

    /// Whether `pieces` are all the pieces, in order: then a text of them has the buffers'
    /// tokens and bytes as they are.
    func isWhole(_ pieces: [Piece]) -> Bool {
        guard pieces.count == pieceCount else { return false }
        // Pieces do not overlap and follow one another, so a chain of them from the start to
        // the end, as many as there are, is all of them in order (but for empty ones, which
        // change nothing, in another order among themselves).
        var tokenEnd = 0
        var byteEnd = 0
        for piece in pieces {
            guard piece.tokens.lowerBound == tokenEnd, piece.bytes.lowerBound == byteEnd else { return false }
            tokenEnd = piece.tokens.upperBound
            byteEnd = piece.bytes.upperBound
        }
        return tokenEnd == tokens.count && byteEnd == bytes.count
    }

    /// Where the tokens of each span of `text` lie in ``init(_:)``'s buffers: a text's tokens
    /// come span by span, and each span's folded bytes follow the last one's.
    static func pieces(of text: TokenizedText) -> [Piece] {
        var pieces: [Piece] = []
        pieces.reserveCapacity(text.spans.count)
        var token = 0
        var byte = 0
        for spanIndex in text.spans.indices {
            let first = token
            while token < text.tokens.count, text.tokens[token].spanIndex == spanIndex { token += 1 }
            let end = token > first ? text.tokens[token - 1].bytes.upperBound : byte
            pieces.append(Piece(tokens: first..<token, bytes: byte..<end))
            byte = end
        }
        return pieces
    }

    /// Where one span's tokens and their folded bytes lie in the buffers.
    struct Piece: Sendable, Equatable {
        var tokens: Range<Int>
        var bytes: Range<Int>
    }

    /// Spans tokenized for adding to a store as pieces that follow its own, in buffers of their
    /// own until ``SpanTokens/commit(_:)`` appends them in one go.
    struct Addition: ~Copyable {
        private var tokenizer: SpanTokenizer
        /// The store's counts when the addition began: where its pieces will stand.
        private let firstToken: Int
        private let firstPiece: Int
        /// The number of pieces added.
        private(set) var pieceCount = 0

        /// An addition to `store`, whose spans' UTF-8 are about `capacity` bytes.
        init(to store: SpanTokens, capacity: Int) {
            tokenizer = SpanTokenizer(capacity: capacity, base: store.bytes.count)
            firstToken = store.tokens.count
            firstPiece = store.pieceCount
        }

        /// Tokenizes `span`; where its tokens will stand in the store once committed.
        mutating func add(_ span: Span) -> Piece {
            let (tokenStart, byteStart) = (firstToken + tokenizer.tokenCount, tokenizer.base + tokenizer.byteCount)
            tokenizer.add(span.text, spanIndex: firstPiece + pieceCount)
            pieceCount += 1
            return Piece(
                tokens: tokenStart..<(firstToken + tokenizer.tokenCount),
                bytes: byteStart..<(tokenizer.base + tokenizer.byteCount))
        }

        /// Drops the piece added last.
        mutating func removeLast(_ piece: Piece) {
            tokenizer.removeLast(tokens: piece.tokens.count, bytes: piece.bytes.count)
            pieceCount -= 1
        }

        /// Whether the addition's pieces follow the store's as they are.
        fileprivate func follows(_ store: SpanTokens) -> Bool {
            firstToken == store.tokens.count && tokenizer.base == store.bytes.count && firstPiece == store.pieceCount
        }

        /// Appends the tokens and folded bytes to `tokens` and `bytes`.
        fileprivate func append(to tokens: inout [Token], _ bytes: inout [UInt8]) {
            tokenizer.append(to: &tokens, &bytes)
        }
    }

    /// Appends the pieces of `addition`, begun on this store as it is.
    mutating func commit(_ addition: consuming Addition) {
        precondition(addition.follows(self), "an addition to a store that changed since")
        addition.append(to: &tokens, &bytes)
        pieceCount += addition.pieceCount
    }
}

/// Spans a reader tokenized, with their tokens, for the engine to take rather than tokenize
/// them again (``ScopeResolver``).
struct TokenizedSpans: Sendable {
    let spans: [Span]
    let store: SpanTokens
    /// Where the tokens of each of `spans` lie in `store`.
    let pieces: [SpanTokens.Piece]

    init(_ text: TokenizedText) {
        spans = text.spans
        store = SpanTokens(text)
        pieces = SpanTokens.pieces(of: text)
    }
}

/// Spans tokenized one after another into buffers of its own, growing as needed, whose tokens
/// and folded bytes the caller then takes in one go: no array grows a token at a time.
struct SpanTokenizer: ~Copyable {
    private var tokens: BufferWriter<Token>
    private var bytes: BufferWriter<UInt8>
    /// The number of folded bytes before these where the caller puts them: the tokens' places
    /// in the folded bytes count from there.
    let base: Int

    /// A tokenizer for spans of about `capacity` bytes of UTF-8, whose folded bytes will
    /// follow `base` others.
    init(capacity: Int, base: Int = 0) {
        // About one token for each five bytes of text, and as many folded bytes as bytes.
        tokens = BufferWriter(capacity: capacity / 4)
        bytes = BufferWriter(capacity: capacity)
        self.base = base
    }

    var tokenCount: Int { tokens.count }
    var byteCount: Int { bytes.count }

    /// Tokenizes `text`, numbering its tokens' span `spanIndex`.
    ///
    /// Walks the UTF-8 of `text` byte by byte (a copy of it, for text without contiguous UTF-8).
    mutating func add(_ text: String, spanIndex: Int) {
        var contiguous = text
        contiguous.withUTF8 { utf8 in
            TokenizedText.tokenize(
                utf8, text: text, spanIndex: spanIndex, base: base, into: &tokens, writer: &bytes)
        }
    }

    /// Drops the last `tokenCount` tokens and `byteCount` folded bytes.
    mutating func removeLast(tokens tokenCount: Int, bytes byteCount: Int) {
        tokens.removeAll(from: tokens.count - tokenCount)
        bytes.removeAll(from: bytes.count - byteCount)
    }

    /// The tokens and folded bytes, in arrays of their own.
    func arrays() -> (tokens: [Token], bytes: [UInt8]) {
        (Array(tokens.elements(from: 0)), Array(bytes.elements(from: 0)))
    }

    /// Appends the tokens and folded bytes to `tokens` and `bytes`.
    func append(to tokens: inout [Token], _ bytes: inout [UInt8]) {
        tokens.append(contentsOf: self.tokens.elements(from: 0))
        bytes.append(contentsOf: self.bytes.elements(from: 0))
    }
}

/// Elements appended to memory of its own, growing as needed: appending costs no uniqueness
/// check, as appending to an array does.
private struct BufferWriter<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Drops the elements from `start` on.
    mutating func removeAll(from start: Int) {
        precondition(0 <= start && start <= count)
        (base + start).deinitialize(count: count - start)
        count = start
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// The elements written from `start` on.
    func elements(from start: Int) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + start, count: count - start)
    }
}
