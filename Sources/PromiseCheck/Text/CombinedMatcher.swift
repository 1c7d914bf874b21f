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
    private let bySymbol: [String: [Int]]
    /// The combined slots with `{n}` terms first.
    private let numberSlots: [Int]

    /// A matcher for the lexicons of `matchers`.
    public init(_ matchers: [PhraseMatcher]) {
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
        var forward = ByteTrie.Builder()
        var backward = ByteTrie.Builder()
        var bySymbol: [String: [Int]] = [:]
        var numberSlots: [Int] = []
        let isCombined = slots.map { $0.forward != nil && $0.backward != nil }
        for (slot, index) in slots.enumerated() where isCombined[slot] {
            for (entry, parts) in index.parts.enumerated() {
                let value = Self.pack(slot: slot, entry: entry)
                switch parts[0] {
                case .word(let word): forward.add(Array(word.utf8), word: value)
                case .prefix(let prefix): forward.add(Array(prefix.utf8), mark: value)
                case .suffix(let suffix): backward.add(Array(suffix.utf8.reversed()), mark: value)
                case .symbol(let symbol): bySymbol[symbol, default: []].append(value)
                case .number: break
                }
            }
            if !index.byNumber.isEmpty { numberSlots.append(slot) }
        }
        self.slots = slots
        self.slotByIndex = slotByIndex
        self.isCombined = isCombined
        self.forward = forward.build()
        self.backward = backward.build()
        self.bySymbol = bySymbol
        self.numberSlots = numberSlots
    }

    /// What makes two lexicons match alike.
    private struct Key: Hashable {
        var lexicon: Lexicon
        var numberWords: [String: Double]
    }

    @inline(__always)
    private static func pack(slot: Int, entry: Int) -> Int { slot << 32 | entry }

    /// The slot of a compiled lexicon, or nil when it is not one of this matcher's.
    func slot(of index: PhraseMatcher.Index) -> Int? { slotByIndex[ObjectIdentifier(index)] }

    /// The matches of one slot whose lexicon is not in the tries.
    func scanAlone(_ slot: Int, in text: TokenizedText) -> [PhraseMatcher.Found]? {
        isCombined[slot] ? nil : slots[slot].matches(in: text)
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
        var nextFree = [Int](repeating: 0, count: count)
        var bestEntry = [Int](repeating: -1, count: count)
        var bestEnd = [Int](repeating: 0, count: count)
        var bestNumber = [Double?](repeating: nil, count: count)
        var touched: [Int] = []
        touched.reserveCapacity(count)
        var index = 0
        func consider(_ value: Int) {
            let slot = value >> 32
            guard index >= nextFree[slot] else { return }
            let entry = value & 0xFFFF_FFFF
            let compiled = slots[slot]
            guard let (end, number) = compiled.match(compiled.parts[entry], in: tokens, bytes: bytes, at: index)
            else { return }
            if bestEntry[slot] < 0 {
                touched.append(slot)
            } else if end <= bestEnd[slot] {
                return
            }
            bestEntry[slot] = entry
            bestEnd[slot] = end
            bestNumber[slot] = number
        }
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .symbol:
                if !bySymbol.isEmpty, let values = bySymbol[token.folded] {
                    for value in values { consider(value) }
                }
            case .word, .number:
                if token.isSimple {
                    let word = UnsafeBufferPointer(rebasing: bytes[token.bytes])
                    if !forward.isEmpty { forward.forEachMatch(word, consider) }
                    if !backward.isEmpty { backward.forEachMatch(word.reversed(), consider) }
                } else {
                    for slot in 0..<count where isCombined[slot] && index >= nextFree[slot] {
                        for entry in slots[slot].textCandidates(for: token) {
                            consider(Self.pack(slot: slot, entry: entry))
                        }
                    }
                }
            }
            for slot in numberSlots where index >= nextFree[slot] && slots[slot].numberValue(of: token) != nil {
                for entry in slots[slot].byNumber { consider(Self.pack(slot: slot, entry: entry)) }
            }
            for slot in touched {
                found[slot].append(
                    PhraseMatcher.Found(entry: bestEntry[slot], tokens: index..<bestEnd[slot], number: bestNumber[slot])
                )
                nextFree[slot] = bestEnd[slot]
                bestEntry[slot] = -1
            }
            touched.removeAll(keepingCapacity: true)
            index += 1
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
