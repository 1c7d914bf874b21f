/// Finds a lexicon's terms in tokenized text.
///
/// Compiled once per lexicon: entries are indexed by their first part, so a text is scanned
/// once, token by token, with a hash lookup per token rather than a search per term.
public struct PhraseMatcher: Sendable {
    /// One occurrence of a term.
    public struct Match: Sendable, Hashable {
        public var entry: Lexicon.Entry
        /// The tokens it covers.
        public var tokens: Range<Int>
        /// The value of its `{n}` slot, if it has one.
        public var number: Double?
    }

    public let lexicon: Lexicon
    private let numberWords: [String: Double]
    private var byWord: [String: [Int]] = [:]
    private var bySymbol: [String: [Int]] = [:]
    private var byPrefix: [String: [Int]] = [:]
    private var bySuffix: [String: [Int]] = [:]
    private var byNumber: [Int] = []
    private let prefixLengths: [Int]
    private let suffixLengths: [Int]

    /// - Parameter numberWords: words that fill a `{n}` slot, with their values.
    public init(_ lexicon: Lexicon, numberWords: [String: Double] = [:]) {
        self.lexicon = lexicon
        self.numberWords = numberWords
        var prefixLengths: Set<Int> = []
        var suffixLengths: Set<Int> = []
        for (index, entry) in lexicon.entries.enumerated() {
            switch entry.pattern.parts[0] {
            case .word(let word): byWord[word, default: []].append(index)
            case .symbol(let symbol): bySymbol[symbol, default: []].append(index)
            case .prefix(let prefix):
                byPrefix[prefix, default: []].append(index)
                prefixLengths.insert(prefix.count)
            case .suffix(let suffix):
                bySuffix[suffix, default: []].append(index)
                suffixLengths.insert(suffix.count)
            case .number: byNumber.append(index)
            }
        }
        self.prefixLengths = prefixLengths.sorted()
        self.suffixLengths = suffixLengths.sorted()
    }

    /// Every occurrence, leftmost first; where occurrences overlap, the longest is kept.
    public func matches(in text: TokenizedText) -> [Match] {
        let tokens = text.tokens
        var found: [Match] = []
        var index = 0
        while index < tokens.count {
            var best: Match?
            for candidate in candidates(for: tokens[index]) {
                let entry = lexicon.entries[candidate]
                guard let (end, number) = match(entry.pattern.parts, in: tokens, at: index) else { continue }
                if best == nil || end > best!.tokens.upperBound {
                    best = Match(entry: entry, tokens: index..<end, number: number)
                }
            }
            if let best {
                found.append(best)
                index = best.tokens.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether any term occurs.
    public func containsMatch(in text: TokenizedText) -> Bool { !matches(in: text).isEmpty }

    /// The value of a token as a number: digits, or a number word.
    public func numberValue(of token: Token) -> Double? {
        switch token.kind {
        case .number: token.numberValue
        case .word: numberWords[token.folded]
        case .symbol: nil
        }
    }

    private func candidates(for token: Token) -> [Int] {
        var result: [Int] = []
        switch token.kind {
        case .symbol:
            result += bySymbol[token.folded] ?? []
        case .word, .number:
            result += byWord[token.folded] ?? []
            if !byPrefix.isEmpty || !bySuffix.isEmpty {
                let characters = Array(token.folded)
                for length in prefixLengths where length <= characters.count {
                    result += byPrefix[String(characters[..<length])] ?? []
                }
                for length in suffixLengths where length <= characters.count {
                    result += bySuffix[String(characters[(characters.count - length)...])] ?? []
                }
            }
        }
        if !byNumber.isEmpty, numberValue(of: token) != nil { result += byNumber }
        return result
    }

    /// Matches `parts` at `start`; returns the end index and the slot's number.
    private func match(_ parts: [TermPattern.Part], in tokens: [Token], at start: Int) -> (Int, Double?)? {
        var position = start
        var number: Double?
        for part in parts {
            guard position < tokens.count, tokens[position].spanIndex == tokens[start].spanIndex else { return nil }
            let token = tokens[position]
            switch part {
            case .word(let word):
                guard token.kind != .symbol, token.folded == word else { return nil }
            case .prefix(let prefix):
                guard token.kind != .symbol, token.folded.hasPrefix(prefix) else { return nil }
            case .suffix(let suffix):
                guard token.kind != .symbol, token.folded.hasSuffix(suffix) else { return nil }
            case .symbol(let symbol):
                guard token.kind == .symbol, token.folded == symbol else { return nil }
            case .number:
                guard let value = numberValue(of: token) else { return nil }
                number = value
            }
            position += 1
        }
        return (position, number)
    }
}
