import Foundation
import Synchronization

/// Finds a lexicon's terms in tokenized text.
///
/// Compiled once per lexicon into a one-lexicon ``CombinedMatcher``: entries are indexed by
/// their first part in byte tries over the folded token (whole words and `prefix*` forward,
/// `*suffix` backward), so a text is scanned once, token by token, with one walk per token
/// rather than a search per term and without building strings. Tokens or terms with scalars
/// from U+0300 on (combining marks, where `String` comparison normalises) take the general
/// path, with the same results.
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
    /// The compiled lexicon, shared by copies of the matcher.
    private let index: Index
    /// The lexicon's own automaton, for texts without a shared scan; built when first needed,
    /// as a check run mostly reads from its scopes' shared scans.
    private let alone: LazyAutomaton

    /// - Parameter numberWords: words that fill a `{n}` slot, with their values.
    public init(_ lexicon: Lexicon, numberWords: [String: Double] = [:]) {
        self.lexicon = lexicon
        let index = Index(lexicon, numberWords: numberWords)
        self.index = index
        self.alone = LazyAutomaton(index)
    }

    /// Every occurrence, leftmost first; where occurrences overlap, the longest is kept.
    ///
    /// Of occurrences of the same length at the same place, the first candidate wins: whole
    /// words, then prefixes from the shortest, then suffixes from the shortest, then number
    /// slots, each in lexicon order.
    public func matches(in text: TokenizedText) -> [Match] {
        found(in: text).map { found in
            Match(entry: lexicon.entries[found.entry], tokens: found.tokens, number: found.number)
        }
    }

    /// ``matches(in:)`` by the general path alone: candidates by `String` lookups per token.
    ///
    /// The reference the byte tries are tested against.
    func referenceMatches(in text: TokenizedText) -> [Match] {
        index.referenceMatches(in: text).map { found in
            Match(entry: lexicon.entries[found.entry], tokens: found.tokens, number: found.number)
        }
    }

    /// Whether any term occurs.
    public func containsMatch(in text: TokenizedText) -> Bool { !found(in: text).isEmpty }

    /// ``matches(in:)`` by entry index (into `lexicon.entries`), copying no entry: for checks
    /// that need the tokens, the count or a field or two. From the text's shared scan when its
    /// pack's automaton holds this lexicon, otherwise by a scan of this lexicon alone.
    func found(in text: TokenizedText) -> FoundList {
        if let scan = text.lexiconScan, let found = scan.found(for: index, in: text) { return found }
        let alone = alone.matcher
        return alone.scanAlone(0, in: text).map(FoundList.init) ?? alone.scan(text, slot: 0)
    }

    /// The compiled lexicon, for ``CombinedMatcher``.
    var compiled: Index { index }

    /// The value of a token of `text` as a number: digits, or a number word.
    public func numberValue(of token: Token, in text: TokenizedText) -> Double? {
        text.foldedBytes.withUnsafeBufferPointer { index.numberValue(of: token, bytes: $0) }
    }
}

extension PhraseMatcher {
    /// A match by entry index.
    struct Found {
        var entry: Int
        var tokens: Range<Int>
        var number: Double?
    }

    /// One lexicon's matches in a text, indexed from 0: a part of a scan's block of every
    /// lexicon's matches (``FoundBlock``), which it shares rather than copies, so that a scan
    /// makes one allocation and checks that keep their matches keep no list of their own.
    ///
    /// `@unchecked Sendable`: its block is only read (see ``FoundBlock``).
    struct FoundList: RandomAccessCollection, ExpressibleByArrayLiteral, @unchecked Sendable {
        private let block: FoundBlock?
        private let offset: Int
        let count: Int

        /// The matches `range` of `block`'s; a range outside them gives an empty list.
        init(_ block: FoundBlock, range: Range<Int>) {
            let isValid = range.lowerBound >= 0 && range.upperBound <= block.shape.count && !range.isEmpty
            self.block = isValid ? block : nil
            self.offset = isValid ? range.lowerBound : 0
            self.count = isValid ? range.count : 0
        }

        /// The matches of `array`, in a block of their own.
        init(_ array: [Found]) {
            self.init(FoundBlock.make(slotStarts: [0, array.count], matches: array), range: 0..<array.count)
        }

        init(arrayLiteral elements: Found...) { self.init(elements) }

        var startIndex: Int { 0 }
        var endIndex: Int { count }

        subscript(position: Int) -> Found {
            guard let block, position >= 0, position < count else { preconditionFailure("index out of range") }
            return block.withMatches { $0[offset + position] }
        }
    }

    /// Matches for several slots (lexicons) in one allocation: `slotCount + 1` starts, then the
    /// matches, slot by slot; those of slot `s` are `starts[s]..<starts[s + 1]`. A class of its
    /// own rather than an array, so that making one looks up no generic metadata. Written only
    /// while it is made, and only read after, so lists of it may be shared across threads.
    final class FoundBlock: ManagedBuffer<FoundBlock.Shape, Int> {
        struct Shape {
            let slotCount: Int
            let count: Int
        }

        /// The `Int`s one match takes (a match is aligned as an `Int` is).
        static let intsPerMatch =
            (MemoryLayout<Found>.stride + MemoryLayout<Int>.stride - 1) / MemoryLayout<Int>.stride

        /// A block for `count` matches of `slotCount` slots, its starts and matches uninitialized
        /// (matches are plain values: there is nothing to deinitialize).
        static func make(slotCount: Int, count: Int) -> FoundBlock {
            assert(MemoryLayout<Found>.alignment <= MemoryLayout<Int>.alignment)
            // A block never deinitializes its matches: a match must hold no references.
            assert(_isPOD(Found.self))
            let buffer = create(minimumCapacity: slotCount + 1 + count * intsPerMatch) { _ in
                Shape(slotCount: slotCount, count: count)
            }
            return unsafeDowncast(buffer, to: FoundBlock.self)
        }

        /// A block of these starts and matches: for tests and lists of one slot.
        static func make(slotStarts: [Int], matches: [Found]) -> FoundBlock {
            let block = make(slotCount: max(0, slotStarts.count - 1), count: matches.count)
            block.withStarts { starts in
                for (slot, start) in slotStarts.enumerated() { starts[slot] = start }
            }
            block.withMatches { block in
                for (index, match) in matches.enumerated() { block[index] = match }
            }
            return block
        }

        /// The header, read through its pointer: `header` checks exclusive access at run time.
        var shape: Shape { withUnsafeMutablePointerToHeader { $0.pointee } }

        /// The `slotCount + 1` starts.
        func withStarts<Result>(_ body: (UnsafeMutablePointer<Int>) -> Result) -> Result {
            withUnsafeMutablePointerToElements { body($0) }
        }

        /// The `count` matches.
        func withMatches<Result>(_ body: (UnsafeMutablePointer<Found>) -> Result) -> Result {
            withUnsafeMutablePointers { shape, ints in
                let raw = UnsafeMutableRawPointer(ints + shape.pointee.slotCount + 1)
                return body(raw.bindMemory(to: Found.self, capacity: shape.pointee.count))
            }
        }

        /// The matches of `slot`; none for a slot out of range.
        func list(_ slot: Int) -> FoundList {
            guard slot >= 0, slot < shape.slotCount else { return [] }
            return withStarts { FoundList(self, range: $0[slot]..<$0[slot + 1]) }
        }
    }

    /// Everything compiled from the lexicon; a class, so that matching never copies it.
    final class Index: @unchecked Sendable {
        // The compiled parts are plain memory, written once in `init` and only read after:
        // matching reads them without reference counting. Hence `@unchecked`.
        let parts: [[TermPattern.Part]]
        /// Each entry's parts, `compiledParts[partStart[entry]..<partStart[entry + 1]]`, with
        /// their texts in `partBytes`.
        private let partStart: UnsafeMutablePointer<Int32>
        private let compiledParts: UnsafeMutablePointer<CompiledPart>
        private let partBytes: UnsafeMutablePointer<UInt8>
        let numberWords: [String: Double]
        private let numberTable: WordTable<Double>
        /// The number words when all of them are simple, each word's value its index in
        /// `numberWordValues`: a simple token's lookup is then one trie walk.
        private let numberWordTrie: ByteTrie?
        private let numberWordValues: [Double]
        private let byWord: [String: [Int]]
        let bySymbol: [String: [Int]]
        private let byPrefix: [String: [Int]]
        private let bySuffix: [String: [Int]]
        let byNumber: [Int]
        private let prefixLengths: [Int]
        private let suffixLengths: [Int]
        /// Whether every term has only scalars below U+0300 (see `Token.isSimple`), so that
        /// its parts can be compared as bytes and go into byte tries.
        let isSimple: Bool

        init(_ lexicon: Lexicon, numberWords: [String: Double]) {
            self.numberWords = numberWords
            // Most lexicons have no number words; their empty table is made once, not per lexicon.
            self.numberTable = numberWords.isEmpty ? Self.noNumberWords : WordTable(numberWords)
            if !numberWords.isEmpty, numberWords.keys.allSatisfy(TokenizedText.isSimple) {
                var trie = ByteTrie.Builder()
                var values: [Double] = []
                for (word, value) in numberWords.sorted(by: { $0.key < $1.key }) {
                    trie.add(Array(word.utf8), word: values.count)
                    values.append(value)
                }
                self.numberWordTrie = trie.build()
                self.numberWordValues = values
            } else {
                self.numberWordTrie = nil
                self.numberWordValues = []
            }
            parts = lexicon.entries.map(\.pattern.parts)
            var byWord: [String: [Int]] = [:]
            var bySymbol: [String: [Int]] = [:]
            var byPrefix: [String: [Int]] = [:]
            var bySuffix: [String: [Int]] = [:]
            var byNumber: [Int] = []
            var prefixLengths: Set<Int> = []
            var suffixLengths: Set<Int> = []
            for (index, parts) in parts.enumerated() {
                switch parts[0] {
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
            self.byWord = byWord
            self.bySymbol = bySymbol
            self.byPrefix = byPrefix
            self.bySuffix = bySuffix
            self.byNumber = byNumber
            self.prefixLengths = prefixLengths.sorted()
            self.suffixLengths = suffixLengths.sorted()
            var partStart: [Int32] = [0]
            var compiledParts: [CompiledPart] = []
            var partBytes: [UInt8] = []
            for entryParts in parts {
                for part in entryParts {
                    let (kind, text): (CompiledPart.Kind, String) =
                        switch part {
                        case .word(let text): (.word, text)
                        case .prefix(let text): (.prefix, text)
                        case .suffix(let text): (.suffix, text)
                        case .symbol(let text): (.symbol, text)
                        case .number: (.number, "")
                        }
                    compiledParts.append(
                        CompiledPart(kind: kind, start: Int32(partBytes.count), count: Int32(text.utf8.count)))
                    partBytes += text.utf8
                }
                partStart.append(Int32(compiledParts.count))
            }
            func copy<Element>(_ array: [Element]) -> UnsafeMutablePointer<Element> {
                let pointer = UnsafeMutablePointer<Element>.allocate(capacity: max(1, array.count))
                pointer.initialize(from: array, count: array.count)
                return pointer
            }
            self.partStart = copy(partStart)
            self.compiledParts = copy(compiledParts)
            self.partBytes = copy(partBytes)
            self.isSimple = parts.joined().allSatisfy { part in
                switch part {
                case .word(let text), .prefix(let text), .suffix(let text), .symbol(let text):
                    TokenizedText.isSimple(text)
                case .number: true
                }
            }
        }

        /// The number table of a lexicon without number words.
        private static let noNumberWords = WordTable<Double>([:])

        deinit {
            partStart.deallocate()
            compiledParts.deallocate()
            partBytes.deallocate()
        }

        /// A term part as its kind and where its text is in `partBytes`.
        fileprivate struct CompiledPart {
            enum Kind: UInt8 { case word, prefix, suffix, symbol, number }
            var kind: Kind
            var start: Int32
            var count: Int32
        }

        func referenceMatches(in text: TokenizedText) -> [Found] {
            text.tokens.withUnsafeBufferPointer { tokens in
                text.foldedBytes.withUnsafeBufferPointer { bytes in referenceMatches(in: tokens, bytes: bytes) }
            }
        }

        private func referenceMatches(in tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>)
            -> [Found]
        {
            var found: [Found] = []
            var index = 0
            while index < tokens.count {
                var best: Found?
                for candidate in candidates(for: tokens[index], bytes: bytes) {
                    guard
                        let (end, number) = match(
                            parts[candidate], in: tokens, bytes: bytes, comparingBytes: false, at: index)
                    else { continue }
                    if best == nil || end > best!.tokens.upperBound {
                        best = Found(entry: candidate, tokens: index..<end, number: number)
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

        /// The value of a token as a number, digits or a number word; `bytes` are its text's
        /// folded bytes.
        func numberValue(of token: Token, bytes: UnsafeBufferPointer<UInt8>) -> Double? {
            switch token.kind {
            case .number: token.numberValue
            case .word:
                if let numberWordTrie, token.isSimple {
                    numberWordTrie.wordValue(UnsafeBufferPointer(rebasing: bytes[token.bytes])).map {
                        numberWordValues[$0]
                    }
                } else {
                    numberTable[token: token, bytes: bytes]
                }
            case .symbol: nil
            }
        }

        private func candidates(for token: Token, bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
            var result: [Int] = []
            let folded = String(decoding: bytes[token.bytes], as: UTF8.self)
            switch token.kind {
            case .symbol:
                result += bySymbol[folded] ?? []
            case .word, .number:
                result += textCandidates(for: folded)
            }
            if !byNumber.isEmpty, numberValue(of: token, bytes: bytes) != nil { result += byNumber }
            return result
        }

        /// Where a term part's text must stand in a token's bytes.
        enum BytePlace { case whole, start, end }

        /// Whether the UTF-8 of `text` stands in `bytes` at `place`: all of them, their start or
        /// their end.
        @inline(__always)
        static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, hold text: String, at place: BytePlace) -> Bool {
            let utf8 = text.utf8
            guard place == .whole ? utf8.count == bytes.count : utf8.count <= bytes.count else { return false }
            let offset = place == .end ? bytes.count - utf8.count : 0
            let slice = UnsafeBufferPointer(rebasing: bytes[offset..<(offset + utf8.count)])
            return utf8.withContiguousStorageIfAvailable { stored in
                stored.isEmpty || memcmp(stored.baseAddress!, slice.baseAddress!, stored.count) == 0
            } ?? slice.elementsEqual(utf8)
        }

        /// Candidates of a word or number token, by its folded text, by its first part: words,
        /// prefixes, suffixes.
        func textCandidates(for folded: String) -> [Int] {
            var result = byWord[folded] ?? []
            if !byPrefix.isEmpty || !bySuffix.isEmpty {
                let characters = Array(folded)
                for length in prefixLengths where length <= characters.count {
                    result += byPrefix[String(characters[..<length])] ?? []
                }
                for length in suffixLengths where length <= characters.count {
                    result += bySuffix[String(characters[(characters.count - length)...])] ?? []
                }
            }
            return result
        }

        /// The compiled parts borrowed, for matching in a hot loop without a call through the
        /// index; valid while the index lives.
        var borrowed: Borrowed {
            Borrowed(partStart: partStart, compiledParts: compiledParts, partBytes: partBytes, owner: self)
        }

        /// An index's compiled parts as plain pointers, and the index unretained for the general
        /// path: what ``Index/borrowed`` gives. Only read, as the index's are.
        struct Borrowed: @unchecked Sendable {
            fileprivate let partStart: UnsafeMutablePointer<Int32>
            fileprivate let compiledParts: UnsafeMutablePointer<CompiledPart>
            fileprivate let partBytes: UnsafeMutablePointer<UInt8>
            fileprivate unowned(unsafe) let owner: Index

            /// Whether ``match(entry:in:bytes:at:firstPartMatched:)`` with the first part matched
            /// at `start` may find the entry: false only when its second part is a word or a
            /// prefix that the next token cannot hold (there is none in the span, it is a symbol,
            /// or it is simple and starts with another byte). A look before the call, which most
            /// candidates of more than one part fail.
            @inline(__always)
            func secondPartMayMatch(
                entry: Int, in tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, at start: Int
            ) -> Bool {
                let index = Int(partStart[entry]) + 1
                guard index < Int(partStart[entry + 1]) else { return true }
                let part = compiledParts[index]
                guard part.kind == .word || part.kind == .prefix, part.count > 0 else { return true }
                let next = start + 1
                guard next < tokens.count, tokens[next].spanIndex == tokens[start].spanIndex,
                    tokens[next].kind != .symbol
                else { return false }
                guard tokens[next].isSimple else { return true }
                return bytes.folded(tokens[next]).first == partBytes[Int(part.start)]
            }

            /// Matches entry `entry` at `start`, comparing bytes; see ``Index/match(_:in:bytes:comparingBytes:at:from:)``.
            /// `firstPartMatched` when the caller has compared the first part with the token at `start`.
            @inline(__always)
            func match(
                entry: Int, in tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, at start: Int,
                firstPartMatched: Bool
            ) -> (Int, Double?)? {
                let first = firstPartMatched ? 1 : 0
                let partsStart = Int(partStart[entry])
                let partsEnd = Int(partStart[entry + 1])
                var position = start + first
                var number: Double?
                let span = tokens[start].spanIndex
                for index in (partsStart + first)..<partsEnd {
                    guard position < tokens.count, tokens[position].spanIndex == span else { return nil }
                    let token = tokens[position]
                    let part = compiledParts[index]
                    let text = UnsafeBufferPointer(start: partBytes + Int(part.start), count: Int(part.count))
                    switch part.kind {
                    case .word, .prefix, .suffix:
                        guard token.kind != .symbol else { return nil }
                        guard token.isSimple else {
                            // Compared as `String`: the general path, from the same part on.
                            return owner.match(
                                owner.parts[entry], in: tokens, bytes: bytes, comparingBytes: true, at: start,
                                from: first)
                        }
                        let folded = bytes.folded(token)
                        let place: BytePlace = part.kind == .word ? .whole : part.kind == .prefix ? .start : .end
                        guard Index.bytes(folded, hold: text, at: place) else { return nil }
                    case .symbol:
                        guard token.kind == .symbol, text.count == 1, text[0] == token.symbol else { return nil }
                    case .number:
                        guard let value = owner.numberValue(of: token, bytes: bytes) else { return nil }
                        number = value
                    }
                    position += 1
                }
                return (position, number)
            }
        }

        /// Whether `text` stands in `bytes` at `place`: all of them, their start or their end.
        @inline(__always)
        static func bytes(
            _ bytes: UnsafeBufferPointer<UInt8>, hold text: UnsafeBufferPointer<UInt8>, at place: BytePlace
        )
            -> Bool
        {
            guard place == .whole ? text.count == bytes.count : text.count <= bytes.count else { return false }
            guard !text.isEmpty else { return true }
            let offset = place == .end ? bytes.count - text.count : 0
            return memcmp(text.baseAddress!, bytes.baseAddress! + offset, text.count) == 0
        }

        /// Matches `parts` from part `first` on at `start` (plus `first`); returns the end index
        /// and the slot's number. `bytes` are the folded bytes of the tokens' text.
        ///
        /// `comparingBytes` (the terms are simple), a simple token compares by its folded bytes,
        /// as `String` would; anything else compares as `String`.
        func match(
            _ parts: [TermPattern.Part], in tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>,
            comparingBytes: Bool, at start: Int, from first: Int = 0
        ) -> (Int, Double?)? {
            var position = start + first
            var number: Double?
            let span = tokens[start].spanIndex
            for part in parts[first...] {
                guard position < tokens.count, tokens[position].spanIndex == span else { return nil }
                let kind = tokens[position].kind
                let tokenBytes = UnsafeBufferPointer(rebasing: bytes[tokens[position].bytes])
                let folded = comparingBytes && tokens[position].isSimple ? tokenBytes : nil
                var text: String { String(decoding: tokenBytes, as: UTF8.self) }
                switch part {
                case .word(let word):
                    guard kind != .symbol else { return nil }
                    if let folded {
                        guard Self.bytes(folded, hold: word, at: .whole) else { return nil }
                    } else {
                        guard text == word else { return nil }
                    }
                case .prefix(let prefix):
                    guard kind != .symbol else { return nil }
                    if let folded {
                        guard Self.bytes(folded, hold: prefix, at: .start) else { return nil }
                    } else {
                        guard text.hasPrefix(prefix) else { return nil }
                    }
                case .suffix(let suffix):
                    guard kind != .symbol else { return nil }
                    if let folded {
                        guard Self.bytes(folded, hold: suffix, at: .end) else { return nil }
                    } else {
                        guard text.hasSuffix(suffix) else { return nil }
                    }
                case .symbol(let symbol):
                    guard kind == .symbol, comparingBytes ? tokens[position].isSymbol(symbol) : text == symbol else {
                        return nil
                    }
                case .number:
                    guard let value = numberValue(of: tokens[position], bytes: bytes) else { return nil }
                    number = value
                }
                position += 1
            }
            return (position, number)
        }
    }
}

/// A one-lexicon automaton built on first use and shared by copies of its matcher.
private final class LazyAutomaton: Sendable {
    private let index: PhraseMatcher.Index
    private let built: Mutex<CombinedMatcher?> = Mutex(nil)

    init(_ index: PhraseMatcher.Index) { self.index = index }

    var matcher: CombinedMatcher {
        built.withLock { built in
            if let built { return built }
            let matcher = CombinedMatcher(compiled: [index])
            built = matcher
            return matcher
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes of `token`, one of the tokens these are the folded bytes of (see
    /// ``TokenizedText/foldedBytes``): `UnsafeBufferPointer(rebasing: self[token.bytes])` with
    /// one check that they lie within rather than a slice's, and no bytes should they not.
    @inline(__always)
    func folded(_ token: Token) -> UnsafeBufferPointer<UInt8> {
        let range = token.bytes
        guard let base = baseAddress, range.upperBound <= count else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}
