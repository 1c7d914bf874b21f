import Testing

@testable import PromiseCheck

/// `ByteTrie` against a walk over the words and marks it was built from, with nodes of few
/// children (searched) and of many (dense tables).
@Suite struct ByteTrieTests {
    @Test(arguments: 0..<10)
    func findsWhatTheListsHold(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let alphabet = Array("abcdefghijklmnopå".utf8)
        func randomBytes() -> [UInt8] {
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
        }
        var words: [(bytes: [UInt8], value: Int)] = []
        var marks: [(bytes: [UInt8], value: Int)] = []
        var builder = ByteTrie.Builder()
        for value in 0..<Int.random(in: 1...120, using: &generator) {
            let bytes = randomBytes()
            if Bool.random(using: &generator) {
                words.append((bytes, value))
                builder.add(bytes, word: value)
            } else {
                marks.append((bytes, value))
                builder.add(bytes, mark: value)
            }
        }
        let trie = builder.build()
        for _ in 0..<300 {
            let token = randomBytes() + (Bool.random(using: &generator) ? randomBytes() : [])
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

    @Test func someNodesHaveDenseTables() {
        // Guards the test above against never taking the dense path.
        var builder = ByteTrie.Builder()
        for byte in Array("abcdefgh".utf8) { builder.add([0x78, byte], word: Int(byte)) }
        let trie = builder.build()
        var found: [Int] = []
        trie.collectMatches(Array("xc".utf8), into: &found)
        #expect(found == [0x63])
        #expect(trie.denseTableCount == 1)
    }
}
