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
            let tokens = TokenizedText.foldedTokens(of: String(body))
            if let slot { parts.append(slot) }
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
        guard !parts.isEmpty else { throw SyntaxError(message: "empty term") }
        self.parts = parts
    }
}
