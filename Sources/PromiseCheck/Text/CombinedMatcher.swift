import Synchronization

/// Many lexicons compiled into one automaton, so that a text is scanned once for all of them.
///
/// The engine builds one for each scope of a pack, from the lexicons its rules' checks use
/// (``Check/phraseMatchers``), and the texts of that scope carry a ``LexiconScan``: the first
/// check that asks for a lexicon's matches in a text scans the text for every lexicon at once,
/// and the other checks read their lexicon's matches from that scan.
///
/// The results are exactly those of ``PhraseMatcher/matches(in:)`` for each lexicon: a token
/// walks one trie of the first parts of every term (values pack the lexicon's slot and the
/// term), which yields each lexicon's candidates in the order its own tries would, and each
/// lexicon keeps its own leftmost-longest selection and its own place in the text.
public final class CombinedMatcher: Sendable {
    /// The compiled lexicons; equal lexicons (the same terms and number words) share a slot.
    let slots: [PhraseMatcher.Index]
    private let slotByIndex: [ObjectIdentifier: Int]
    /// Whether a slot's terms are in the tries; a lexicon with terms that bytes cannot compare
    /// (see `Token.isSimple`) scans alone.
    private let isCombined: [Bool]
    private let forward: ByteTrie
    private let backward: ByteTrie
    /// Symbol terms by their symbol's byte: symbol tokens fold to one ASCII byte.
    private let bySymbolByte: [[Int]]
    /// Symbol terms of more than one byte, should a tokenizer ever make them.
    private let bySymbol: [String: [Int]]
    /// The combined slots with `{n}` terms, grouped by their number words, with a trie of
    /// those words; a token is a number for a group when it is digits or one of its words.
    private let numberGroups: [(words: ByteTrie, numberWords: [String: Double], slots: [Int])]

    /// A matcher for the lexicons of `matchers`.
    public convenience init(_ matchers: [PhraseMatcher]) {
        var slots: [PhraseMatcher.Index] = []
        var slotByKey: [Key: Int] = [:]
        var slotByIndex: [ObjectIdentifier: Int] = [:]
        for matcher in matchers {
            let key = Key(lexicon: matcher.lexicon, numberWords: matcher.compiled.numberWords)
            let slot =
                slotByKey[key]
                ?? {
                    slots.append(matcher.compiled)
                    slotByKey[key] = slots.count - 1
                    return slots.count - 1
                }()
            slotByIndex[ObjectIdentifier(matcher.compiled)] = slot
        }
        self.init(compiled: slots, slotByIndex: slotByIndex)
    }

    /// A matcher for compiled lexicons, one slot each, in order; by default each lexicon is
    /// found in its own slot.
    init(compiled slots: [PhraseMatcher.Index], slotByIndex: [ObjectIdentifier: Int]? = nil) {
        var forward = ByteTrie.Builder()
        var backward = ByteTrie.Builder()
        var bySymbolByte = [[Int]](repeating: [], count: 256)
        var bySymbol: [String: [Int]] = [:]
        var numberSlots: [[String: Double]: [Int]] = [:]
        var numberOrder: [[String: Double]] = []
        let isCombined = slots.map(\.isSimple)
        for (slot, index) in slots.enumerated() where isCombined[slot] {
            for (entry, parts) in index.parts.enumerated() {
                // The tries and the symbol table compare a term's first part with the token
                // itself, so matching such a candidate starts at its second part.
                let value = Self.pack(slot: slot, entry: entry, firstPartMatched: true)
                switch parts[0] {
                case .word(let word): forward.add(Array(word.utf8), word: value)
                case .prefix(let prefix): forward.add(Array(prefix.utf8), mark: value)
                case .suffix(let suffix): backward.add(Array(suffix.utf8.reversed()), mark: value)
                case .symbol(let symbol):
                    if symbol.utf8.count == 1 {
                        bySymbolByte[Int(symbol.utf8.first!)].append(value)
                    } else {
                        bySymbol[symbol, default: []].append(value)
                    }
                case .number: break
                }
            }
            if !index.byNumber.isEmpty {
                if numberSlots[index.numberWords] == nil { numberOrder.append(index.numberWords) }
                numberSlots[index.numberWords, default: []].append(slot)
            }
        }
        self.slots = slots
        self.slotByIndex =
            slotByIndex
            ?? Dictionary(uniqueKeysWithValues: slots.enumerated().map { (ObjectIdentifier($1), $0) })
        self.isCombined = isCombined
        self.forward = forward.build()
        self.backward = backward.build()
        self.bySymbolByte = bySymbolByte
        self.bySymbol = bySymbol
        self.numberGroups = numberOrder.map { numberWords in
            var words = ByteTrie.Builder()
            for word in numberWords.keys { words.add(Array(word.utf8), word: 0) }
            return (words.build(), numberWords, numberSlots[numberWords] ?? [])
        }
    }

    /// What makes two lexicons match alike.
    private struct Key: Hashable {
        var lexicon: Lexicon
        var numberWords: [String: Double]
    }

    /// A candidate as one value: the slot, the entry, and whether its first part is known to match.
    @inline(__always)
    private static func pack(slot: Int, entry: Int, firstPartMatched: Bool = false) -> Int {
        slot << 32 | (firstPartMatched ? 1 << 31 : 0) | entry
    }

    /// The slot of a compiled lexicon, or nil when it is not one of this matcher's.
    func slot(of index: PhraseMatcher.Index) -> Int? { slotByIndex[ObjectIdentifier(index)] }

    /// The matches of one slot whose lexicon is not in the tries, by the general path.
    func scanAlone(_ slot: Int, in text: TokenizedText) -> [PhraseMatcher.Found]? {
        isCombined[slot] ? nil : slots[slot].referenceMatches(in: text)
    }

    /// The matches of every combined slot in `text`, by slot (empty for the others).
    func scan(_ text: TokenizedText) -> [[PhraseMatcher.Found]] {
        text.tokens.withUnsafeBufferPointer { tokens in
            text.foldedBytes.withUnsafeBufferPointer { bytes in scan(tokens, bytes) }
        }
    }

    private func scan(_ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>) -> [[PhraseMatcher
        .Found]]
    {
        let count = slots.count
        var found = [[PhraseMatcher.Found]](repeating: [], count: count)
        // Per slot: the first token its next match may start at, and the best candidate at the
        // current token.
        let nextFree = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        let bestEntry = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        let bestEnd = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        let bestNumber = UnsafeMutableBufferPointer<Double?>.allocate(capacity: count)
        nextFree.initialize(repeating: 0)
        bestEntry.initialize(repeating: -1)
        bestEnd.initialize(repeating: 0)
        bestNumber.initialize(repeating: nil)
        defer {
            nextFree.deallocate()
            bestEntry.deallocate()
            bestEnd.deallocate()
            bestNumber.deallocate()
        }
        var touched: [Int] = []
        touched.reserveCapacity(count)
        var candidates: [Int] = []
        candidates.reserveCapacity(64)
        for index in 0..<tokens.count {
            candidates.removeAll(keepingCapacity: true)
            let range = tokens[index].bytes
            var folded: String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            switch tokens[index].kind {
            case .symbol:
                if range.count == 1 {
                    candidates.append(contentsOf: bySymbolByte[Int(bytes[range.lowerBound])])
                } else if !bySymbol.isEmpty, let values = bySymbol[folded] {
                    candidates.append(contentsOf: values)
                }
            case .word, .number:
                if tokens[index].isSimple {
                    let word = UnsafeBufferPointer(rebasing: bytes[range])
                    forward.collectMatches(word, into: &candidates)
                    backward.collectMatches(word.reversed(), into: &candidates)
                } else {
                    let folded = folded
                    for slot in 0..<count where isCombined[slot] && index >= nextFree[slot] {
                        for entry in slots[slot].textCandidates(for: folded) {
                            candidates.append(Self.pack(slot: slot, entry: entry))
                        }
                    }
                }
            }
            if !numberGroups.isEmpty, tokens[index].kind != .symbol {
                // A run of digits always reads as a number (a very long one as infinity).
                let isDigits = tokens[index].kind == .number
                for group in numberGroups {
                    let isNumber =
                        isDigits
                        || (tokens[index].kind == .word
                            && (tokens[index].isSimple
                                ? group.words.containsWord(UnsafeBufferPointer(rebasing: bytes[range]))
                                : group.numberWords[folded] != nil))
                    guard isNumber else { continue }
                    for slot in group.slots where index >= nextFree[slot] {
                        for entry in slots[slot].byNumber { candidates.append(Self.pack(slot: slot, entry: entry)) }
                    }
                }
            }
            guard !candidates.isEmpty else { continue }
            for value in candidates {
                let slot = value >> 32
                guard index >= nextFree[slot] else { continue }
                let entry = value & 0x7FFF_FFFF
                guard
                    let (end, number) = slots[slot].match(
                        entry: entry, in: tokens, bytes: bytes, at: index, firstPartMatched: value & 1 << 31 != 0)
                else { continue }
                if bestEntry[slot] < 0 {
                    touched.append(slot)
                } else if end <= bestEnd[slot] {
                    continue
                }
                bestEntry[slot] = entry
                bestEnd[slot] = end
                bestNumber[slot] = number
            }
            for slot in touched {
                found[slot].append(
                    PhraseMatcher.Found(entry: bestEntry[slot], tokens: index..<bestEnd[slot], number: bestNumber[slot])
                )
                nextFree[slot] = bestEnd[slot]
                bestEntry[slot] = -1
            }
            touched.removeAll(keepingCapacity: true)
        }
        return found
    }
}

/// One text's matches for every lexicon of a ``CombinedMatcher``, found by one scan on first use.
///
/// A text and its copies share it; the lock makes it safe to share across threads, although
/// the engine uses each text on one thread.
final class LexiconScan: Sendable {
    let matcher: CombinedMatcher
    private let results: Mutex<[[PhraseMatcher.Found]]?> = Mutex(nil)

    init(_ matcher: CombinedMatcher) {
        self.matcher = matcher
    }

    /// The matches of `index` in `text` (the text this scan belongs to), or nil when the
    /// lexicon is not one of the matcher's.
    func found(for index: PhraseMatcher.Index, in text: TokenizedText) -> [PhraseMatcher.Found]? {
        guard let slot = matcher.slot(of: index) else { return nil }
        if let alone = matcher.scanAlone(slot, in: text) { return alone }
        return results.withLock { results in
            if results == nil { results = matcher.scan(text) }
            return results.unsafelyUnwrapped[slot]
        }
    }
}
