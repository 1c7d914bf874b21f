/// A named list of terms from a pack: plain terms, terms with a value, or terms in groups.
///
/// A term is one or more words separated by spaces, matched case-insensitively on word
/// boundaries. In a term, `word*` matches any word that starts with `word`, `*word` any word
/// that ends with it, and `{n}` any number, in digits or as a number word.
public struct Lexicon: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var term: String
        public var group: String?
        public var value: Double?
        public var pattern: TermPattern

        public init(term: String, group: String? = nil, value: Double? = nil) throws(TermPattern.SyntaxError) {
            self.term = term
            self.group = group
            self.value = value
            self.pattern = try TermPattern(term)
        }
    }

    public var name: String
    public var entries: [Entry]

    public init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
    }

    /// The groups in the order they first appear.
    public var groups: [String] {
        var seen: Set<String> = []
        return entries.compactMap(\.group).filter { seen.insert($0).inserted }
    }

    /// Values of single-word entries by folded word, for number words and month names.
    public var wordValues: [String: Double] {
        var values: [String: Double] = [:]
        for entry in entries {
            if let value = entry.value, entry.pattern.parts.count == 1, case .word(let word) = entry.pattern.parts[0] {
                values[word] = value
            }
        }
        return values
    }
}

/// A lexicon term compiled into the token parts it matches.
public struct TermPattern: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case word(String)
        case prefix(String)
        case suffix(String)
        case number
        case symbol(String)
    }

    public struct SyntaxError: Error, Sendable, Equatable {
        public var message: String
    }

    public var parts: [Part]

    public init(_ term: String) throws(SyntaxError) {
        if let parts = try Self.simpleParts(term) {
            self.parts = parts
            return
        }
        parts = try Self.referenceParts(term)
    }

    /// The parts of a term whose scalars all lie below U+0300 and whose only blanks are ASCII
    /// ones, read over UTF-8: every scalar is then a character of its own, and `*`, `{` and
    /// the blanks are single bytes. Nil for any other term, which ``referenceParts(_:)`` reads.
    static func simpleParts(_ term: String) throws(SyntaxError) -> [Part]? {
        // The term's own bytes, not a copy of them.
        var bytes = term
        let parts = bytes.withUTF8 { utf8 in
            Result { () throws(SyntaxError) -> [Part]? in try simpleParts(of: term, utf8: utf8) }
        }
        return try parts.get()
    }

    /// ``simpleParts(_:)`` of `term`, whose UTF-8 is `utf8`.
    private static func simpleParts(of term: String, utf8: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> [Part]? {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var index = 0
        // The pieces between blanks: most make one part each.
        var pieceCount = 0
        var afterBlank = true
        while index < utf8.count {
            let byte = utf8[index]
            // From 0xCC up scalars lie at U+0300 or above; C2 85 and C2 A0 are blanks too.
            if byte >= 0xCC
                || (byte == 0xC2 && index + 1 < utf8.count && (utf8[index + 1] == 0x85 || utf8[index + 1] == 0xA0))
            {
                return nil
            }
            let blank = isBlank(byte)
            if afterBlank && !blank { pieceCount += 1 }
            afterBlank = blank
            index += 1
        }
        var parts: [Part] = []
        parts.reserveCapacity(pieceCount)
        var start = 0
        while start < utf8.count {
            guard !isBlank(utf8[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < utf8.count, !isBlank(utf8[end]) { end += 1 }
            var body = utf8[start..<end]
            let startsWithSlot =
                end - start >= 3 && utf8[start] == UInt8(ascii: "{") && utf8[start + 1] == UInt8(ascii: "n")
                && utf8[start + 2] == UInt8(ascii: "}")
            start = end
            if startsWithSlot && body.count == 3 {
                parts.append(.number)
                continue
            }
            var slot: Part? = nil
            if startsWithSlot {
                slot = .number
                body = body.dropFirst(3)
            }
            let leadingStar = body.first == UInt8(ascii: "*")
            let trailingStar = body.last == UInt8(ascii: "*") && body.count > 1
            if leadingStar { body = body.dropFirst() }
            if trailingStar { body = body.dropLast() }
            guard !body.contains(UInt8(ascii: "*")), !body.contains(UInt8(ascii: "{")) else {
                throw SyntaxError(
                    message: "'*' may only start or end a word and '{n}' must stand alone in term '\(term)'")
            }
            if let slot { parts.append(slot) }
            let text = String(decoding: body, as: UTF8.self)
            if isFoldedWord(body) {
                // One word token, its own folded text: the part `appendParts` would make.
                parts.append(trailingStar ? .prefix(text) : leadingStar ? .suffix(text) : .word(text))
            } else {
                appendParts(of: text, leadingStar: leadingStar, trailingStar: trailingStar, to: &parts)
            }
        }
        guard !parts.isEmpty else { throw SyntaxError(message: "empty term") }
        return parts
    }

    /// Whether `body` is one word token that folding leaves as it is: lower-case ASCII letters
    /// and the lower-case letters of Latin-1 (U+00E0–U+00FF but ÷), none of which lower-casing
    /// changes and all of which continue a word.
    static func isFoldedWord(_ body: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard !body.isEmpty else { return false }
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte &- 0x61 < 26 {
                index += 1
                continue
            }
            // U+00E0–U+00FF are C3 A0–C3 BF; ÷ is C3 B7.
            guard byte == 0xC3, index + 1 < body.endIndex, body[index + 1] >= 0xA0, body[index + 1] != 0xB7 else {
                return false
            }
            index += 2
        }
        return true
    }

    /// The parts of a piece's tokens: the first a suffix after a leading `*`, the last a prefix
    /// before a trailing one.
    private static func appendParts(of body: String, leadingStar: Bool, trailingStar: Bool, to parts: inout [Part]) {
        let tokens = TokenizedText.foldedTokens(of: body)
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .symbol:
                parts.append(.symbol(token.folded))
            case .word, .number:
                if trailingStar && index == tokens.count - 1 {
                    parts.append(.prefix(token.folded))
                } else if leadingStar && index == 0 {
                    parts.append(.suffix(token.folded))
                } else {
                    parts.append(.word(token.folded))
                }
            }
        }
    }

    /// The parts of any term, read over its characters; what ``simpleParts(_:)`` must agree with.
    static func referenceParts(_ term: String) throws(SyntaxError) -> [Part] {
        var parts: [Part] = []
        for piece in term.split(whereSeparator: \.isWhitespace) {
            if piece == "{n}" {
                parts.append(.number)
                continue
            }
            var body = Substring(piece)
            var slot: Part? = nil
            if body.hasPrefix("{n}") {
                slot = .number
                body = body.dropFirst(3)
            }
            let leadingStar = body.hasPrefix("*")
            let trailingStar = body.hasSuffix("*") && body.count > 1
            if leadingStar { body = body.dropFirst() }
            if trailingStar { body = body.dropLast() }
            guard !body.contains("*") && !body.contains("{") else {
                throw SyntaxError(
                    message: "'*' may only start or end a word and '{n}' must stand alone in term '\(term)'")
            }
            if let slot { parts.append(slot) }
            appendParts(of: String(body), leadingStar: leadingStar, trailingStar: trailingStar, to: &parts)
        }
        guard !parts.isEmpty else { throw SyntaxError(message: "empty term") }
        return parts
    }
}
