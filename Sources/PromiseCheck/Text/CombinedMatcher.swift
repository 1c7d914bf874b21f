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
    /// Each compiled lexicon's slot: `slotOfIndex[n]` is the slot of `sortedIndexes[n]`, the
    /// lexicons in ascending order of identity. No dictionary: the first use of one with a new
    /// key type costs the runtime a scan of the binary's conformances, more than a whole pack's
    /// lookups here.
    private let sortedIndexes: [ObjectIdentifier]
    private let slotOfIndex: [Int]
    /// The most lexicons whose slots are found by a search from the first rather than by halves:
    /// a few comparisons in turn are faster.
    static let slotSearchLimit = 32
    /// Whether a slot's terms are in the tries; a lexicon with terms that bytes cannot compare
    /// (see `Token.isSimple`) scans alone.
    private let isCombined: [Bool]
    private let forward: ByteTrie
    private let backward: ByteTrie
    /// The compiled lexicons borrowed, for the scan's loop; `slots` keeps them.
    private let slotRefs: [PhraseMatcher.Index.Borrowed]
    /// Symbol terms by their symbol's byte (symbol tokens fold to one ASCII byte): those of
    /// byte `b` are `symbolValues[symbolStart[b]..<symbolStart[b + 1]]`.
    private let symbolStart: [Int]
    private let symbolValues: [Int]
    /// Symbol terms of more than one byte, should a tokenizer ever make them.
    private let bySymbol: [String: [Int]]
    /// The combined slots with `{n}` terms, grouped by their number words, with a trie of
    /// those words; a token is a number for a group when it is digits or one of its words.
    private let numberGroups: [(words: ByteTrie, numberWords: [String: Double], slots: [Int])]
    /// Each number group's trie, borrowed (see ``ByteTrie/nodes``), and the candidates of a
    /// number for it: all of them are `numberGroupValues[numberGroupValueStart[g]..<numberGroupValueStart[g + 1]]`,
    /// in order; those whose second part is a word are also in `numberGroupFollowers[g]` under
    /// that word, to be looked up with the next token, and the others are
    /// `numberGroupOthers[numberGroupOtherStart[g]..<numberGroupOtherStart[g + 1]]`, in order.
    private let numberGroupNodes: [ByteTrie.Nodes]
    private let numberGroupValueStart: [Int]
    private let numberGroupValues: [Int]
    private let numberGroupOtherStart: [Int]
    private let numberGroupOthers: [Int]
    private let numberGroupFollowers: [ByteTrie]
    private let numberGroupFollowerNodes: [ByteTrie.Nodes]
    /// The most candidates one token can have: every entry of the combined slots, once.
    private let candidateCapacity: Int
    /// The most matches a scan holds before it moves them to a growing list (fewer in a text of
    /// fewer tokens): most texts have fewer, and their one list is then made at its size.
    static let matchesHeld = 64
    /// A match held by a scan: its slot and the match.
    private typealias Held = (slot: Int, found: PhraseMatcher.Found)

    /// A matcher for the lexicons of `matchers`.
    public convenience init(_ matchers: [PhraseMatcher]) {
        // Each compiled lexicon once, in the order met (matchers share them), then one slot for
        // each set of equal keys, in the order met.
        let indexes = matchers.map { ObjectIdentifier($0.compiled) }
        let sameIndex = EqualItems.first(
            count: indexes.count, hash: { Int(bitPattern: UInt(bitPattern: indexes[$0])) },
            equal: { indexes[$0] == indexes[$1] })
        let distinct = indexes.indices.filter { sameIndex[$0] == $0 }
        let keys = distinct.map { Key(lexicon: matchers[$0].lexicon, numberWords: matchers[$0].compiled.numberWords) }
        let sameKey = EqualItems.first(count: keys.count, hash: { keys[$0].hash }, equal: { keys[$0] == keys[$1] })
        var slots: [PhraseMatcher.Index] = []
        var slotOfKey = [Int](repeating: 0, count: keys.count)
        for (position, first) in sameKey.enumerated() {
            if first == position {
                slotOfKey[position] = slots.count
                slots.append(matchers[distinct[position]].compiled)
            } else {
                slotOfKey[position] = slotOfKey[first]
            }
        }
        self.init(compiled: slots, slotByIndex: distinct.indices.map { (indexes[distinct[$0]], slotOfKey[$0]) })
    }

    /// A matcher for compiled lexicons, one slot each, in order; by default each lexicon is
    /// found in its own slot, else as `slotByIndex` pairs them (each lexicon once).
    init(compiled slots: [PhraseMatcher.Index], slotByIndex: [(ObjectIdentifier, Int)]? = nil) {
        var forward = ByteTrie.Builder()
        var backward = ByteTrie.Builder()
        var bySymbolByte = [[Int]](repeating: [], count: 256)
        var bySymbol: [String: [Int]] = [:]
        // The combined slots with `{n}` terms, in order.
        var numberSlots: [Int] = []
        let isCombined = slots.map(\.isSimple)
        for (slot, index) in slots.enumerated() where isCombined[slot] {
            for (entry, parts) in index.parts.enumerated() {
                // The tries and the symbol table compare a term's first part with the token
                // itself, so matching such a candidate starts at its second part.
                let value = Self.pack(slot: slot, entry: entry, firstPartMatched: true, isWhole: parts.count == 1)
                switch parts[0] {
                case .word(let word): forward.add(word.utf8, word: value)
                case .prefix(let prefix): forward.add(prefix.utf8, mark: value)
                case .suffix(let suffix): backward.add(suffix.utf8.reversed(), mark: value)
                case .symbol(let symbol):
                    if symbol.utf8.count == 1 {
                        bySymbolByte[Int(symbol.utf8.first!)].append(value)
                    } else {
                        bySymbol[symbol, default: []].append(value)
                    }
                case .number: break
                }
            }
            if !index.byNumber.isEmpty { numberSlots.append(slot) }
        }
        self.slots = slots
        let slotByIndex = (slotByIndex ?? slots.enumerated().map { (ObjectIdentifier($1), $0) }).sorted { $0.0 < $1.0 }
        self.sortedIndexes = slotByIndex.map { $0.0 }
        self.slotOfIndex = slotByIndex.map { $0.1 }
        self.isCombined = isCombined
        self.forward = forward.build()
        self.backward = backward.build()
        self.slotRefs = slots.map(\.borrowed)
        self.symbolStart = bySymbolByte.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        self.symbolValues = Array(bySymbolByte.joined())
        self.bySymbol = bySymbol
        // The number slots grouped by their number words, the groups in the order met.
        let sameWords = EqualItems.first(
            count: numberSlots.count, hash: { Self.hash(numberWords: slots[numberSlots[$0]].numberWords) },
            equal: { slots[numberSlots[$0]].numberWords == slots[numberSlots[$1]].numberWords })
        var groupOf = [Int](repeating: 0, count: numberSlots.count)
        var groupSlots: [[Int]] = []
        for (position, first) in sameWords.enumerated() {
            if first == position {
                groupOf[position] = groupSlots.count
                groupSlots.append([numberSlots[position]])
            } else {
                groupOf[position] = groupOf[first]
                groupSlots[groupOf[first]].append(numberSlots[position])
            }
        }
        let numberGroups = groupSlots.map { groupSlots in
            let numberWords = slots[groupSlots[0]].numberWords
            var words = ByteTrie.Builder()
            for word in numberWords.keys { words.add(word.utf8, word: 0) }
            return (words: words.build(), numberWords: numberWords, slots: groupSlots)
        }
        self.numberGroups = numberGroups
        self.numberGroupNodes = numberGroups.map(\.words.nodes)
        // A group's candidates: each of its slots' number entries, in slot order, those whose
        // second part is a word under that word (a trie keeps a word's values in the order added).
        var groupValues: [[Int]] = []
        var groupOthers: [[Int]] = []
        var followers: [ByteTrie] = []
        for group in numberGroups {
            var all: [Int] = []
            var others: [Int] = []
            var byNextWord = ByteTrie.Builder()
            for slot in group.slots {
                for entry in slots[slot].byNumber {
                    let value = Self.pack(slot: slot, entry: entry)
                    all.append(value)
                    let parts = slots[slot].parts[entry]
                    if parts.count > 1, case .word(let word) = parts[1], !word.isEmpty {
                        byNextWord.add(word.utf8, word: value)
                    } else {
                        others.append(value)
                    }
                }
            }
            groupValues.append(all)
            groupOthers.append(others)
            followers.append(byNextWord.build())
        }
        self.numberGroupValueStart = groupValues.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        self.numberGroupValues = Array(groupValues.joined())
        self.numberGroupOtherStart = groupOthers.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        self.numberGroupOthers = Array(groupOthers.joined())
        self.numberGroupFollowers = followers
        self.numberGroupFollowerNodes = followers.map(\.nodes)
        self.candidateCapacity = slots.indices.reduce(0) { $0 + (isCombined[$1] ? slots[$1].parts.count : 0) }
    }

    /// What makes two lexicons match alike.
    private struct Key: Equatable {
        var lexicon: Lexicon
        var numberWords: [String: Double]

        /// Each entry's term, group and value, without its pattern: the pattern is read from
        /// the term, so equal keys hash alike and unequal ones as apart as by hashing it all,
        /// at a fraction of the cost (equality still compares everything). Lexicons alike but
        /// for one term (inline lists of many rules) must not share a hash: they would make
        /// finding slots quadratic.
        var hash: Int {
            var hash = CombinedMatcher.fnvBasis
            CombinedMatcher.fnv(lexicon.name, into: &hash)
            CombinedMatcher.fnv(UInt64(lexicon.entries.count), into: &hash)
            for entry in lexicon.entries {
                CombinedMatcher.fnv(entry.term, into: &hash)
                if let group = entry.group { CombinedMatcher.fnv(group, into: &hash) }
                CombinedMatcher.fnv(entry.value.map { $0.bitPattern } ?? 1, into: &hash)
            }
            CombinedMatcher.fnv(UInt64(numberWords.count), into: &hash)
            return Int(truncatingIfNeeded: hash)
        }
    }

    /// FNV-1a, for hashes that only sort (see ``EqualItems/first(count:hash:equal:)``): a few
    /// instructions a byte, where `Hasher` takes many.
    fileprivate static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Adds the UTF-8 of `text` and an end (a byte UTF-8 never has) to `hash`.
    fileprivate static func fnv(_ text: String, into hash: inout UInt64) {
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        hash = (hash ^ 0xFF) &* 0x100_0000_01B3
    }

    /// Adds `value` to `hash`.
    fileprivate static func fnv(_ value: UInt64, into hash: inout UInt64) {
        hash = (hash ^ value) &* 0x100_0000_01B3
    }

    /// A hash of number words that their order leaves alike: the sum of the words' hashes.
    private static func hash(numberWords: [String: Double]) -> Int {
        var sum: UInt64 = 0
        for word in numberWords.keys {
            var hash = fnvBasis
            fnv(word, into: &hash)
            sum &+= hash
        }
        return Int(truncatingIfNeeded: sum)
    }

    /// A candidate as one value: the slot, the entry, whether its first part is known to match,
    /// and whether that part is the whole term (so that the candidate matches the token alone).
    /// An entry fits 30 bits: a lexicon's terms take more than a byte each of a file far smaller.
    @inline(__always)
    private static func pack(slot: Int, entry: Int, firstPartMatched: Bool = false, isWhole: Bool = false) -> Int {
        slot << 32 | (firstPartMatched ? 1 << 31 : 0) | (isWhole ? 1 << 30 : 0) | entry
    }

    /// The entry of a packed candidate.
    @inline(__always)
    private static func entry(of value: Int) -> Int { value & 0x3FFF_FFFF }

    /// Merges the ascending `values` into the ascending `candidates[start..<count]`, in place
    /// (the buffer has room for every candidate); returns the new count.
    @inline(__always)
    private static func merge(
        _ values: ArraySlice<Int>, into candidates: UnsafeMutablePointer<Int>, from start: Int, count: Int
    ) -> Int {
        guard !values.isEmpty else { return count }
        // From the back: the largest of the two goes last.
        var write = count + values.count
        var left = count
        var right = values.endIndex
        while right > values.startIndex {
            write -= 1
            if left > start, candidates[left - 1] > values[right - 1] {
                left -= 1
                candidates[write] = candidates[left]
            } else {
                right -= 1
                candidates[write] = values[right]
            }
        }
        return count + values.count
    }

    /// `offset` rounded up to a multiple of `alignment` (a power of two).
    private static func aligned(_ offset: Int, _ alignment: Int) -> Int { (offset + alignment - 1) & ~(alignment - 1) }

    /// One scan's matches: every slot's in one block, slot by slot, each slot's in text order;
    /// none when there are no matches at all.
    /// `@unchecked Sendable`: the block is only read once made.
    struct Lists: @unchecked Sendable {
        let block: PhraseMatcher.FoundBlock?

        static let empty = Lists(block: nil)

        /// The matches of `slot`, sharing the block; empty for a slot out of range.
        func list(_ slot: Int) -> PhraseMatcher.FoundList { block?.list(slot) ?? [] }
    }

    /// The `spilled` matches then the `heldCount` at `held`, in one list grouped by slot, each
    /// slot's in the order found; `counts` holds each slot's number of them, and is overwritten.
    private static func lists(
        spilled: [Held], held: UnsafeMutablePointer<Held>, heldCount: Int, counts: UnsafeMutablePointer<Int>,
        slotCount: Int
    ) -> Lists {
        guard spilled.isEmpty else {
            var all = spilled
            all.append(contentsOf: UnsafeBufferPointer(start: held, count: heldCount))
            return all.withUnsafeMutableBufferPointer { all in
                guard let base = all.baseAddress else { return .empty }
                return lists(of: base, count: all.count, counts: counts, slotCount: slotCount)
            }
        }
        return lists(of: held, count: heldCount, counts: counts, slotCount: slotCount)
    }

    /// ``lists(spilled:held:heldCount:counts:slotCount:)`` of `count` matches at `held`.
    private static func lists(
        of held: UnsafeMutablePointer<Held>, count: Int, counts: UnsafeMutablePointer<Int>, slotCount: Int
    ) -> Lists {
        guard count > 0 else { return .empty }
        let block = PhraseMatcher.FoundBlock.make(slotCount: slotCount, count: count)
        block.withStarts { starts in
            starts[0] = 0
            for slot in 0..<slotCount {
                starts[slot + 1] = starts[slot] + counts[slot]
                // From here on, where the slot's next match goes.
                counts[slot] = starts[slot]
            }
        }
        block.withMatches { matches in
            // A counting sort by slot.
            for (slot, match) in UnsafeBufferPointer(start: held, count: count) {
                (matches + counts[slot]).initialize(to: match)
                counts[slot] += 1
            }
        }
        return Lists(block: block)
    }

    /// The slot of a compiled lexicon, or nil when it is not one of this matcher's.
    func slot(of index: PhraseMatcher.Index) -> Int? {
        let key = ObjectIdentifier(index)
        guard sortedIndexes.count > Self.slotSearchLimit else { return referenceSlot(of: index) }
        // By halves: the first position whose lexicon is not below `key`.
        var low = 0
        var high = sortedIndexes.count
        while low < high {
            let middle = (low + high) / 2
            if sortedIndexes[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < sortedIndexes.count && sortedIndexes[low] == key ? slotOfIndex[low] : nil
    }

    /// ``slot(of:)`` by a search from the first: the reference the search by halves is tested
    /// against.
    func referenceSlot(of index: PhraseMatcher.Index) -> Int? {
        let key = ObjectIdentifier(index)
        for position in sortedIndexes.indices where sortedIndexes[position] == key { return slotOfIndex[position] }
        return nil
    }

    /// The matches of one slot whose lexicon is not in the tries, by the general path.
    func scanAlone(_ slot: Int, in text: TokenizedText) -> [PhraseMatcher.Found]? {
        isCombined[slot] ? nil : slots[slot].referenceMatches(in: text)
    }

    /// The matches of `slot` in `text`, as ``scanLists(_:)`` finds them.
    func scan(_ text: TokenizedText, slot: Int) -> PhraseMatcher.FoundList { scanLists(text).list(slot) }

    /// The matches of every combined slot in `text`, by slot (none for the others), in one
    /// list: a scan kept by ``LexiconScan`` makes and frees one list, not one per slot.
    func scanLists(_ text: TokenizedText) -> Lists {
        text.tokens.withUnsafeBufferPointer { tokens in
            text.foldedBytes.withUnsafeBufferPointer { bytes in scan(tokens, bytes) }
        }
    }

    private func scan(_ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>) -> Lists {
        let count = slots.count
        // Per slot: the first token its next match may start at, the best candidate at the
        // current token, and how many of its matches are held; then the slots touched at the
        // current token and the candidates of the current token; then each slot's best
        // candidate's number; then the matches held, in the order found. One allocation for all.
        let heldCapacity = max(1, min(tokens.count, Self.matchesHeld))
        let intCount = 5 * count + candidateCapacity
        let numberOffset = Self.aligned(intCount * MemoryLayout<Int>.stride, MemoryLayout<Double?>.alignment)
        let heldOffset = Self.aligned(numberOffset + count * MemoryLayout<Double?>.stride, MemoryLayout<Held>.alignment)
        let memory = UnsafeMutableRawPointer.allocate(
            byteCount: heldOffset + heldCapacity * MemoryLayout<Held>.stride,
            alignment: max(MemoryLayout<Int>.alignment, MemoryLayout<Double?>.alignment, MemoryLayout<Held>.alignment))
        defer { memory.deallocate() }
        let scratch = memory.bindMemory(to: Int.self, capacity: intCount)
        let nextFree = scratch
        let bestEntry = scratch + count
        let bestEnd = scratch + 2 * count
        let matchCount = scratch + 3 * count
        let touched = scratch + 4 * count
        let candidates = scratch + 5 * count
        nextFree.initialize(repeating: 0, count: count)
        bestEntry.initialize(repeating: -1, count: count)
        matchCount.initialize(repeating: 0, count: count)
        let bestNumber = (memory + numberOffset).bindMemory(to: Double?.self, capacity: count)
        bestNumber.initialize(repeating: nil, count: count)
        let held = (memory + heldOffset).bindMemory(to: Held.self, capacity: heldCapacity)
        var heldCount = 0
        // The matches found before the held ones: they are moved here when the room for them is
        // full (most texts have fewer).
        var spilled: [Held] = []
        // Plain copies of what the loop reads, so that it retains nothing: `self` keeps the
        // tries and the lexicons alive for the whole scan.
        let forward = self.forward.nodes
        let backward = self.backward.nodes
        let hasBackward = !self.backward.isEmpty
        let hasNumbers = !numberGroups.isEmpty
        return slotRefs.withUnsafeBufferPointer { slotRefs in
            symbolStart.withUnsafeBufferPointer { symbolStart in
                symbolValues.withUnsafeBufferPointer { symbolValues in
                    numberGroupNodes.withUnsafeBufferPointer { numberGroupNodes in
                        numberGroupValueStart.withUnsafeBufferPointer { numberGroupValueStart in
                            numberGroupValues.withUnsafeBufferPointer { numberGroupValues in
                                for index in 0..<tokens.count {
                                    var candidateCount = 0
                                    let token = tokens[index]
                                    let word = bytes.folded(token)
                                    switch token.kind {
                                    case .symbol:
                                        if word.count == 1 {
                                            let byte = Int(word[0])
                                            for value in symbolValues[symbolStart[byte]..<symbolStart[byte + 1]] {
                                                candidates[candidateCount] = value
                                                candidateCount += 1
                                            }
                                        } else if !bySymbol.isEmpty,
                                            let values = bySymbol[String(decoding: word, as: UTF8.self)]
                                        {
                                            for value in values {
                                                candidates[candidateCount] = value
                                                candidateCount += 1
                                            }
                                        }
                                    case .word, .number:
                                        if token.isSimple {
                                            forward.collectMatches(
                                                word, reversed: false, into: candidates, count: &candidateCount)
                                            if hasBackward {
                                                backward.collectMatches(
                                                    word, reversed: true, into: candidates, count: &candidateCount)
                                            }
                                        } else {
                                            let folded = String(decoding: word, as: UTF8.self)
                                            for slot in 0..<count where isCombined[slot] && index >= nextFree[slot] {
                                                for entry in slots[slot].textCandidates(for: folded) {
                                                    candidates[candidateCount] = Self.pack(slot: slot, entry: entry)
                                                    candidateCount += 1
                                                }
                                            }
                                        }
                                        if hasNumbers {
                                            // A run of digits always reads as a number (a very long one as
                                            // infinity).
                                            for group in 0..<numberGroupNodes.count {
                                                let isNumber =
                                                    token.kind == .number
                                                    || (token.isSimple
                                                        ? numberGroupNodes[group].containsWord(word)
                                                        : numberGroups[group].numberWords[
                                                            String(decoding: word, as: UTF8.self)] != nil)
                                                guard isNumber else { continue }
                                                let next = index + 1
                                                let others =
                                                    numberGroupOtherStart[group]..<numberGroupOtherStart[group + 1]
                                                guard next < tokens.count, tokens[next].spanIndex == token.spanIndex,
                                                    tokens[next].kind != .symbol
                                                else {
                                                    // No word follows in the span: a second part that is a
                                                    // word cannot match.
                                                    for value in numberGroupOthers[others] {
                                                        candidates[candidateCount] = value
                                                        candidateCount += 1
                                                    }
                                                    continue
                                                }
                                                guard tokens[next].isSimple else {
                                                    // The next token compares as `String`: every candidate.
                                                    let values =
                                                        numberGroupValueStart[group]..<numberGroupValueStart[group + 1]
                                                    for value in numberGroupValues[values] {
                                                        candidates[candidateCount] = value
                                                        candidateCount += 1
                                                    }
                                                    continue
                                                }
                                                // Those whose second part is the next token's bytes, merged in
                                                // order with the others: a slot's candidates stay in order.
                                                let start = candidateCount
                                                numberGroupFollowerNodes[group].collectMatches(
                                                    bytes.folded(tokens[next]),
                                                    reversed: false, into: candidates, count: &candidateCount)
                                                candidateCount = Self.merge(
                                                    numberGroupOthers[others], into: candidates, from: start,
                                                    count: candidateCount)
                                            }
                                        }
                                    }
                                    guard candidateCount > 0 else { continue }
                                    var touchedCount = 0
                                    for value in UnsafeBufferPointer(start: candidates, count: candidateCount) {
                                        let slot = value >> 32
                                        guard index >= nextFree[slot] else { continue }
                                        let entry = Self.entry(of: value)
                                        let end: Int
                                        let number: Double?
                                        if value & 1 << 30 != 0 {
                                            // A one-part term whose part is the token: nothing more to compare.
                                            (end, number) = (index + 1, nil)
                                        } else {
                                            let firstPartMatched = value & 1 << 31 != 0
                                            guard
                                                !firstPartMatched
                                                    || slotRefs[slot].secondPartMayMatch(
                                                        entry: entry, in: tokens, bytes: bytes, at: index),
                                                let (matchEnd, matchNumber) = slotRefs[slot].match(
                                                    entry: entry, in: tokens, bytes: bytes, at: index,
                                                    firstPartMatched: firstPartMatched)
                                            else { continue }
                                            (end, number) = (matchEnd, matchNumber)
                                        }
                                        if bestEntry[slot] < 0 {
                                            touched[touchedCount] = slot
                                            touchedCount += 1
                                        } else if end <= bestEnd[slot] {
                                            continue
                                        }
                                        bestEntry[slot] = entry
                                        bestEnd[slot] = end
                                        bestNumber[slot] = number
                                    }
                                    for slot in UnsafeBufferPointer(start: touched, count: touchedCount) {
                                        if heldCount == heldCapacity {
                                            spilled.append(
                                                contentsOf: UnsafeBufferPointer(start: held, count: heldCount))
                                            heldCount = 0
                                        }
                                        (held + heldCount).initialize(
                                            to: (
                                                slot,
                                                PhraseMatcher.Found(
                                                    entry: bestEntry[slot], tokens: index..<bestEnd[slot],
                                                    number: bestNumber[slot])
                                            ))
                                        heldCount += 1
                                        matchCount[slot] += 1
                                        nextFree[slot] = bestEnd[slot]
                                        bestEntry[slot] = -1
                                    }
                                }
                                return Self.lists(
                                    spilled: spilled, held: held, heldCount: heldCount, counts: matchCount,
                                    slotCount: count)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One text's matches for every lexicon of a ``CombinedMatcher``, found by one scan on first use.
///
/// A text and its copies share it; the lock makes it safe to share across threads, although
/// the engine uses each text on one thread.
final class LexiconScan: Sendable {
    let matcher: CombinedMatcher
    /// The scan's matches, once scanned (see ``CombinedMatcher/scanLists(_:)``).
    private let results: Mutex<CombinedMatcher.Lists?> = Mutex(nil)

    init(_ matcher: CombinedMatcher) {
        self.matcher = matcher
    }

    /// The matches of `index` in `text` (the text this scan belongs to), or nil when the
    /// lexicon is not one of the matcher's.
    func found(for index: PhraseMatcher.Index, in text: TokenizedText) -> PhraseMatcher.FoundList? {
        guard let slot = matcher.slot(of: index) else { return nil }
        if let alone = matcher.scanAlone(slot, in: text) { return PhraseMatcher.FoundList(alone) }
        return results.withLock { results in
            let lists = results ?? matcher.scanLists(text)
            results = lists
            return lists.list(slot)
        }
    }
}
