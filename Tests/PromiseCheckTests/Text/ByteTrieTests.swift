import Testing

@testable import PromiseCheck

/// `ByteTrie` against a walk over the words and marks it was built from: each trie is built
/// twice, with all its nodes in the double array and with a budget too small for them (the
/// deeper nodes' children are searched); tokens also hold bytes on no edge of the trie.
@Suite struct ByteTrieTests {
    @Test(arguments: 0..<10, [8, 400])
    func findsWhatTheListsHold(seed: UInt64, termCount: Int) {
        var generator = SeededGenerator(state: seed)
        let alphabet = Array("abcdefghijklmnopå".utf8)
        // Bytes of no term: bytes without a class in the double array.
        let tokenAlphabet = alphabet + Array("zö".utf8)
        func randomBytes(from alphabet: [UInt8] = alphabet) -> [UInt8] {
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
        }
        var words: [(bytes: [UInt8], value: Int)] = []
        var marks: [(bytes: [UInt8], value: Int)] = []
        var builder = ByteTrie.Builder()
        for value in 0..<termCount {
            let bytes = randomBytes()
            if Bool.random(using: &generator) {
                words.append((bytes, value))
                builder.add(bytes, word: value)
            } else {
                marks.append((bytes, value))
                builder.add(bytes, mark: value)
            }
        }
        let whole = builder.build()
        let limited = builder.build(slotLimit: 64)
        // Both layouts are walked: every node placed, and nodes beyond the budget searched.
        #expect(whole.searchedNodeCount == 0 && whole.placedNodeCount > 0)
        #expect(limited.placedNodeCount > 0)
        if termCount > 100 { #expect(limited.searchedNodeCount > 0) }
        for trie in [whole, limited] {
            for _ in 0..<300 {
                let token =
                    randomBytes(from: Bool.random(using: &generator) ? alphabet : tokenAlphabet)
                    + (Bool.random(using: &generator) ? randomBytes() : [])
                var expected = words.filter { $0.bytes == token }.map(\.value)
                for length in 1...token.count {
                    expected += marks.filter { $0.bytes == Array(token.prefix(length)) }.map(\.value)
                }
                var found: [Int] = []
                trie.collectMatches(token, into: &found)
                #expect(found == expected, "seed \(seed): \(String(decoding: token, as: UTF8.self))")
                #expect(trie.containsWord(token) == words.contains { $0.bytes == token })
                // The borrowed walks of the combined scan: forward, from the last byte, and by word.
                var reversedExpected: [Int] = []
                trie.collectMatches(token.reversed(), into: &reversedExpected)
                let capacity = trie.valueCount
                #expect(expected.count <= capacity && reversedExpected.count <= capacity)
                let (forward, backward) = token.withUnsafeBufferPointer { bytes in
                    let values = UnsafeMutablePointer<Int>.allocate(capacity: max(1, capacity))
                    defer { values.deallocate() }
                    var count = 0
                    trie.nodes.collectMatches(bytes, reversed: false, into: values, count: &count)
                    let forward = Array(UnsafeBufferPointer(start: values, count: count))
                    count = 0
                    trie.nodes.collectMatches(bytes, reversed: true, into: values, count: &count)
                    return (forward, Array(UnsafeBufferPointer(start: values, count: count)))
                }
                #expect(forward == expected, "seed \(seed): \(String(decoding: token, as: UTF8.self))")
                #expect(backward == reversedExpected, "seed \(seed): \(String(decoding: token, as: UTF8.self))")
                #expect(
                    token.withUnsafeBufferPointer { trie.wordValue($0) } == words.first { $0.bytes == token }?.value)
            }
        }
    }

    @Test func nodesWithoutChildrenTakeNoSlots() {
        var builder = ByteTrie.Builder()
        for byte in Array("abcdefgh".utf8) { builder.add([0x78, byte], word: Int(byte)) }
        let trie = builder.build()
        var found: [Int] = []
        trie.collectMatches(Array("xc".utf8), into: &found)
        #expect(found == [0x63])
        found = []
        trie.collectMatches(Array("xcz".utf8) + [0xFF], into: &found)
        #expect(found.isEmpty)
        // Only "x" has children below the root: its eight children take eight slots after the
        // one per class the arrays start with.
        #expect(trie.placedNodeCount == 1 && trie.searchedNodeCount == 0)
        #expect(trie.slotCount <= 2 * 9)
    }

    @Test func slotsStayWithinTheBudgetWhateverTheAlphabet() {
        // Terms over 200 distinct bytes: a row for every node would take 201 entries per node.
        var generator = SeededGenerator(state: 7)
        var builder = ByteTrie.Builder()
        var terms: [[UInt8]] = []
        for value in 0..<3000 {
            let term = (0..<12).map { _ in UInt8.random(in: 40...239, using: &generator) }
            terms.append(term)
            builder.add(term, word: value)
        }
        let trie = builder.build()
        // At most 12 edges a term; the double array holds them all in about as many slots.
        let edges = terms.count * 12
        #expect(trie.slotCount <= ByteTrie.slotBudget(edges: edges, classes: 201))
        #expect(trie.placedNodeCount > 0 && trie.searchedNodeCount == 0)
        for (value, term) in terms.enumerated() where value % 50 == 0 {
            #expect(term.withUnsafeBufferPointer { trie.wordValue($0) } == value)
            #expect(!trie.containsWord(term.dropLast()))
        }
    }
}
