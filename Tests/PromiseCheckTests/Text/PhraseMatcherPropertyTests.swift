import Testing

@testable import PromiseCheck

/// The byte-trie matcher and the byte-level tokenizer against the general `String` paths, on
/// many seeded random term sets and texts.
@Suite struct PhraseMatcherPropertyTests {
    /// Words that share prefixes and suffixes, with Swedish letters, upper case, a soft hyphen,
    /// a decomposed "ö" (o + U+0308) and a letter beyond Latin-1, so every path is taken.
    private static let words = [
        "trygghet", "trygghets", "Trygghetsvandring", "vandring", "vandringar", "otrygghet", "polisen", "POLISEN",
        "kommunen", "öka", "Öka", "o\u{308}ka", "ökad", "år", "ÅR", "per", "varje", "vecka", "veckovis", "veckovisa",
        "tertial", "gånger", "gång", "fyra", "två", "tolv", "minst", "tryg\u{AD}ghet", "ıstanbul", "straße", "µg",
        "ß", "a", "e", "ett", "en",
    ]
    private static let separators = [" ", " ", " ", ", ", " / ", "–", "-", " % ", ". ", "\n", ": ", "+"]
    private static let numbers = ["4", "12", "2025", "0"]
    private static let numberWords: [String: Double] = ["två": 2, "fyra": 4, "tolv": 12, "ett": 1]

    private typealias Generator = SeededGenerator

    /// Terms are mostly simple, so the tries are built; one in ten sets may hold the decomposed
    /// word and so take the general path throughout.
    private static let termWords = words.filter { $0.unicodeScalars.allSatisfy { $0.value < 0x300 } }

    private static func piece(_ generator: inout Generator, from pool: [String] = words) -> String {
        Int.random(in: 0..<6, using: &generator) == 0
            ? numbers.randomElement(using: &generator)! : pool.randomElement(using: &generator)!
    }

    private static func randomTerm(_ generator: inout Generator) -> String {
        let pool = Int.random(in: 0..<10, using: &generator) == 0 ? words : termWords
        func piece(_ generator: inout Generator) -> String { Self.piece(&generator, from: pool) }
        let count = Int.random(in: 1...3, using: &generator)
        return (0..<count).map { index -> String in
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: return "{n}"
            case 1 where index == count - 1:
                let word = piece(&generator)
                return String(word.prefix(max(1, word.count - Int.random(in: 0...3, using: &generator)))) + "*"
            case 2 where index == 0:
                let word = piece(&generator)
                return "*" + String(word.suffix(max(1, word.count - Int.random(in: 0...3, using: &generator))))
            case 3: return ["%", "/", "-", "+"].randomElement(using: &generator)!
            default: return piece(&generator)
            }
        }.joined(separator: " ")
    }

    /// A lexicon `prov<number>` of 1 to 20 random terms.
    private static func randomLexicon(_ number: Int, _ generator: inout Generator) -> Lexicon {
        let entries = (0..<Int.random(in: 1...20, using: &generator)).compactMap { _ in
            try? Lexicon.Entry(term: Self.randomTerm(&generator))
        }
        return Lexicon(name: "prov\(number)", entries: entries)
    }

    private static func randomText(_ generator: inout Generator) -> [String] {
        (0..<Int.random(in: 1...3, using: &generator)).map { _ in
            (0..<Int.random(in: 0...25, using: &generator)).map { _ in
                piece(&generator) + separators.randomElement(using: &generator)!
            }.joined()
        }
    }

    @Test(arguments: 0..<40)
    func triesFindWhatTheGeneralPathFinds(seed: UInt64) throws {
        var generator = Generator(state: seed)
        var entries: [Lexicon.Entry] = []
        for _ in 0..<Int.random(in: 1...30, using: &generator) {
            if let entry = try? Lexicon.Entry(term: Self.randomTerm(&generator)) { entries.append(entry) }
        }
        let matcher = PhraseMatcher(Lexicon(name: "prov", entries: entries), numberWords: Self.numberWords)
        for _ in 0..<25 {
            let lines = Self.randomText(&generator)
            let text = TokenizedText(lines.enumerated().map { verbatimSpan($1, $0 + 1) })
            let fast = matcher.matches(in: text)
            let reference = matcher.referenceMatches(in: text)
            #expect(
                fast == reference,
                "seed \(seed): terms \(entries.map(\.term)) in \(lines): \(fast.map(\.tokens)) vs \(reference.map(\.tokens))"
            )
        }
    }

    @Test(arguments: 0..<40)
    func oneScanForManyLexiconsFindsWhatEachFindsAlone(seed: UInt64) throws {
        var generator = Generator(state: seed)
        let matchers = (0..<Int.random(in: 1...6, using: &generator)).map { number -> PhraseMatcher in
            let lexicon = Self.randomLexicon(number, &generator)
            let numberWords = Bool.random(using: &generator) ? Self.numberWords : [:]
            return PhraseMatcher(lexicon, numberWords: numberWords)
        }
        // The same lexicon twice, in a matcher of its own, shares a slot.
        let all = matchers + [PhraseMatcher(matchers[0].lexicon, numberWords: matchers[0].compiled.numberWords)]
        let combined = CombinedMatcher(all)
        #expect(combined.slots.count <= matchers.count)
        for _ in 0..<25 {
            let lines = Self.randomText(&generator)
            let spans = lines.enumerated().map { verbatimSpan($1, $0 + 1) }
            let alone = TokenizedText(spans)
            let shared = TokenizedText(spans, lexicons: combined)
            for matcher in all {
                let expected = matcher.matches(in: alone)
                let found = matcher.matches(in: shared)
                #expect(
                    found == expected,
                    "seed \(seed): terms \(matcher.lexicon.entries.map(\.term)) in \(lines): \(found.map(\.tokens)) vs \(expected.map(\.tokens))"
                )
            }
        }
    }

    @Test func lexiconsShareASlotOnlyWhenTheyMatchAlike() throws {
        // Slots are found by a hash that leaves out the terms' patterns and the number words
        // themselves: lexicons alike but for a term or their number words still get slots of
        // their own.
        let police = Lexicon(name: "prov", entries: [try .init(term: "polis"), try .init(term: "kommun")])
        let region = Lexicon(name: "prov", entries: [try .init(term: "polis"), try .init(term: "region")])
        let matchers = [
            PhraseMatcher(police), PhraseMatcher(region), PhraseMatcher(police),
            PhraseMatcher(police, numberWords: ["två": 2]), PhraseMatcher(police, numberWords: ["tre": 3]),
        ]
        let combined = CombinedMatcher(matchers)
        #expect(combined.slots.count == 4)
        #expect(matchers.map { combined.slot(of: $0.compiled) } == [0, 1, 0, 2, 3])
    }

    /// `EqualItems.first` gives each item the first item equal to it, as a search from the first does,
    /// whatever the hash: one that tells items apart, one that puts them all together, and one
    /// that puts some unequal ones together.
    @Test(arguments: 0..<20)
    func firstEqualItemsAreTheFirstAlike(seed: UInt64) {
        var generator = Generator(state: seed)
        let count = Int.random(in: 0...40, using: &generator)
        let items = (0..<count).map { _ in Int.random(in: 0..<8, using: &generator) }
        let reference = items.indices.map { position in items.firstIndex(of: items[position]) ?? -1 }
        let hashes: [(Int) -> Int] = [{ $0 }, { _ in 0 }, { $0 % 3 }, { -$0 }]
        for hash in hashes {
            let first = EqualItems.first(
                count: items.count, hash: { hash(items[$0]) }, equal: { items[$0] == items[$1] })
            #expect(first == reference, "seed \(seed): \(items)")
        }
    }

    /// A slot is found by a search from the first for a few lexicons and by halves for many:
    /// both as the search from the first finds it, and nil for a lexicon not in the matcher.
    @Test(arguments: [3, CombinedMatcher.slotSearchLimit, CombinedMatcher.slotSearchLimit + 8])
    func slotsAreFoundAsASearchFromTheFirstFindsThem(lexiconCount: Int) throws {
        var generator = Generator(state: UInt64(lexiconCount))
        let matchers = (0..<lexiconCount).map { number in
            PhraseMatcher(Self.randomLexicon(number, &generator), numberWords: Self.numberWords)
        }
        // Every matcher twice, the second compiled apart: two indexes, one slot.
        let all = matchers + matchers.map { PhraseMatcher($0.lexicon, numberWords: $0.compiled.numberWords) }
        let combined = CombinedMatcher(all)
        for matcher in all {
            let slot = combined.slot(of: matcher.compiled)
            #expect(slot != nil)
            #expect(slot == combined.referenceSlot(of: matcher.compiled))
        }
        let stranger = PhraseMatcher(Self.randomLexicon(lexiconCount, &generator))
        #expect(combined.slot(of: stranger.compiled) == nil)
    }

    /// A long text has more matches than a scan holds at once (``CombinedMatcher/matchesHeld``):
    /// they are moved to their lists in turns, and each lexicon's are still the general path's.
    @Test(arguments: 0..<10)
    func manyMatchesAreWhatTheGeneralPathFinds(seed: UInt64) throws {
        var generator = Generator(state: seed)
        let matchers = (0..<Int.random(in: 1...4, using: &generator)).map { number in
            PhraseMatcher(Self.randomLexicon(number, &generator), numberWords: Self.numberWords)
        }
        // Every word a term, so that the text has many matches.
        let everyWord = PhraseMatcher(
            Lexicon(name: "prov", entries: try Self.termWords.map { try Lexicon.Entry(term: $0) }),
            numberWords: Self.numberWords)
        let all = matchers + [everyWord]
        let combined = CombinedMatcher(all)
        let lines = (0..<12).flatMap { _ in Self.randomText(&generator) }
        let text = TokenizedText(lines.enumerated().map { verbatimSpan($1, $0 + 1) }, lexicons: combined)
        #expect(everyWord.found(in: text).count > CombinedMatcher.matchesHeld)
        for matcher in all {
            let found = matcher.found(in: text).map { found in
                PhraseMatcher.Match(
                    entry: matcher.lexicon.entries[found.entry], tokens: found.tokens, number: found.number)
            }
            #expect(found == matcher.referenceMatches(in: text), "seed \(seed): \(matcher.lexicon.name)")
        }
    }

    /// `found(in:)`, what checks read without copying entries, names by index the entries the
    /// general path finds, with their tokens and numbers, in a text alone and in a shared scan.
    @Test(arguments: 0..<40)
    func matchesByIndexAreTheGeneralPathsMatches(seed: UInt64) throws {
        var generator = Generator(state: seed)
        let matchers = (0..<Int.random(in: 1...4, using: &generator)).map { number in
            PhraseMatcher(Self.randomLexicon(number, &generator), numberWords: Self.numberWords)
        }
        let combined = CombinedMatcher(matchers)
        for _ in 0..<25 {
            let lines = Self.randomText(&generator)
            let spans = lines.enumerated().map { verbatimSpan($1, $0 + 1) }
            for text in [TokenizedText(spans), TokenizedText(spans, lexicons: combined)] {
                for matcher in matchers {
                    let found = matcher.found(in: text).map { found in
                        PhraseMatcher.Match(
                            entry: matcher.lexicon.entries[found.entry], tokens: found.tokens, number: found.number)
                    }
                    let reference = matcher.referenceMatches(in: text)
                    #expect(
                        found == reference,
                        "seed \(seed): terms \(matcher.lexicon.entries.map(\.term)) in \(lines): \(found.map(\.tokens)) vs \(reference.map(\.tokens))"
                    )
                }
            }
        }
    }

    /// Number words are read by a byte trie when all of them are simple, and by the word
    /// table otherwise (here with a decomposed "ö"); both as the word table reads them.
    @Test(arguments: 0..<10)
    func numberWordsReadAsTheWordTable(seed: UInt64) {
        var generator = Generator(state: seed)
        for numberWords in [Self.numberWords, Self.numberWords.merging(["fo\u{308}rsta": 1]) { $1 }] {
            let matcher = PhraseMatcher(Lexicon(name: "prov", entries: []), numberWords: numberWords)
            let table = WordTable(numberWords)
            let text = TokenizedText(Self.randomText(&generator).map { verbatimSpan($0) })
            for token in text.tokens {
                let expected = token.kind == .word ? table[token: token, in: text] : token.numberValue
                #expect(matcher.numberValue(of: token, in: text) == expected, "seed \(seed): \(text.folded(token))")
            }
        }
    }

    /// Terms that start with a number are looked up by the word after it; those with any other
    /// second part are merged in with them, in lexicon order, which decides between candidates
    /// of the same length ("{n} år" and "{n} år*" on "4 år").
    @Test(arguments: 0..<40)
    func numberLedTermsKeepTheirOrder(seed: UInt64) throws {
        var generator = Generator(state: seed)
        let seconds = ["år", "år*", "*r", "ÅR", "gånger", "gång*", "%", "/", "{n}", "o\u{308}ka", "per"]
        let thirds = ["", " per år", " år", " {n}", " vecka*"]
        var terms: [String] = []
        for _ in 0..<Int.random(in: 1...12, using: &generator) {
            let term = Bool.random(using: &generator) ? "{n}" : "{n} " + seconds.randomElement(using: &generator)!
            terms.append(term + thirds.randomElement(using: &generator)!)
        }
        let entries = terms.compactMap { try? Lexicon.Entry(term: $0) }
        let matcher = PhraseMatcher(Lexicon(name: "prov", entries: entries), numberWords: Self.numberWords)
        let words = [
            "4", "12", "fyra", "två", "år", "ÅR", "gånger", "gång", "per", "vecka", "veckor", "öka", "o\u{308}ka",
        ]
        for _ in 0..<25 {
            let lines = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                    words.randomElement(using: &generator)! + Self.separators.randomElement(using: &generator)!
                }.joined()
            }
            let text = TokenizedText(lines.enumerated().map { verbatimSpan($1, $0 + 1) })
            let fast = matcher.matches(in: text)
            let reference = matcher.referenceMatches(in: text)
            #expect(
                fast == reference,
                "seed \(seed): terms \(terms) in \(lines): \(fast.map(\.entry.term)) vs \(reference.map(\.entry.term))")
        }
    }

    @Test func aNumberLedTermOfTheSameLengthEarlierInTheLexiconWins() throws {
        for terms in [["{n} år*", "{n} år"], ["{n} år", "{n} år*"], ["{n} %", "{n} *r", "{n} år"]] {
            let entries = try terms.map { try Lexicon.Entry(term: $0) }
            let matcher = PhraseMatcher(Lexicon(name: "prov", entries: entries))
            let text = TokenizedText([verbatimSpan("i 4 år och 5 %")])
            let expected = terms[0] == "{n} %" ? ["{n} *r", "{n} %"] : [terms[0]]
            #expect(matcher.matches(in: text).map(\.entry.term) == expected, "\(terms)")
        }
    }

    @Test func someRandomTermsMatch() throws {
        // Guards the property test against comparing nothing with nothing.
        var generator = Generator(state: 1)
        var total = 0
        for _ in 0..<40 {
            let entries = (0..<20).compactMap { _ in try? Lexicon.Entry(term: Self.randomTerm(&generator)) }
            let matcher = PhraseMatcher(Lexicon(name: "prov", entries: entries), numberWords: Self.numberWords)
            let text = TokenizedText(Self.randomText(&generator).map { verbatimSpan($0) })
            total += matcher.matches(in: text).count
        }
        #expect(total > 40)
    }

    @Test(arguments: 0..<20)
    func tokenizerFoldsAsTheGeneralPath(seed: UInt64) {
        var generator = Generator(state: seed)
        let extra = ["À", "Þ", "×", "÷", "ª", "º", "\u{AD}", "—", "İ", "Σ", "ǅ", "e\u{301}", "\u{FB01}", "Ⅻ", "½"]
        var text = ""
        for _ in 0..<200 {
            text +=
                Int.random(in: 0..<3, using: &generator) == 0
                ? extra.randomElement(using: &generator)! : Self.piece(&generator)
            text += Self.separators.randomElement(using: &generator)!
        }
        let tokenized = TokenizedText([verbatimSpan(text)])
        let tokens = tokenized.tokens
        let expected = Self.referenceTokens(text)
        #expect(tokens.map(tokenized.folded) == expected.map(\.folded), "seed \(seed)")
        #expect(tokens.map(\.kind) == expected.map(\.kind), "seed \(seed)")
        #expect(tokens.map(\.scalarOffset) == expected.map(\.scalarOffset), "seed \(seed)")
        #expect(tokens.map(tokenized.range) == expected.map(\.range), "seed \(seed)")
        for token in tokens {
            let folded = tokenized.folded(token)
            #expect(token.isSimple == folded.unicodeScalars.allSatisfy { $0.value < 0x300 })
            // What the token answers without its text, against its folded text.
            #expect(token.numberValue == (token.kind == .number ? Double(folded) : nil))
            #expect(token.digitCount == (token.kind == .number ? folded.count : 0))
            #expect(token.integer(maxDigits: 2) == (token.kind == .number && folded.count <= 2 ? Int(folded) : nil))
            #expect(token.isSymbol(folded) == (token.kind == .symbol))
            #expect(token.kind != .symbol || [".", "-", "/", "%", "!", "?", ":", ";", "+"].contains(folded))
        }
    }

    /// The tokenizer as it was before the byte-level fast path: every scalar through its
    /// Unicode properties, every token through `lowercased()`.
    private static func referenceTokens(_ text: String) -> [(
        kind: Token.Kind, folded: String, scalarOffset: Int, range: Range<String.Index>
    )] {
        var tokens: [(kind: Token.Kind, folded: String, scalarOffset: Int, range: Range<String.Index>)] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let kind: Token.Kind?
            if scalar.properties.isAlphabetic {
                kind = .word
            } else if ("0"..."9").contains(scalar) {
                kind = .number
            } else if TokenizedText.meaningfulSymbols.contains(scalar) {
                kind = .symbol
            } else {
                kind = nil
            }
            guard let kind else {
                index = scalars.index(after: index)
                offset += 1
                continue
            }
            let start = index
            let startOffset = offset
            index = scalars.index(after: index)
            offset += 1
            if kind != .symbol {
                while index < scalars.endIndex {
                    let next = scalars[index]
                    let continues =
                        kind == .word
                        ? (next.properties.isAlphabetic || next == "\u{AD}" || TokenizedText.isCombiningMark(next))
                        : ("0"..."9").contains(next)
                    guard continues else { break }
                    index = scalars.index(after: index)
                    offset += 1
                }
            }
            var folded = String(text.unicodeScalars[start..<index]).lowercased()
            if kind == .word { folded.removeAll { $0 == "\u{AD}" } }
            if kind == .symbol, folded == "–" || folded == "—" { folded = "-" }
            tokens.append((kind, folded, startOffset, start..<index))
        }
        return tokens
    }
}
