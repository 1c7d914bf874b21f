/// Values of single words (number words, month names), looked up by a token's folded text
/// without hashing it.
///
/// Such tables are asked about nearly every word of a text and hold a few dozen words, so a
/// lookup first narrows by the word's first byte and length and then compares bytes. Bytes
/// compare like `String` only for text whose scalars all lie below U+0300 (see
/// `Token.isSimple`); other words and tokens take the dictionary.
struct WordTable<Value: Sendable>: Sendable {
    let values: [String: Value]
    /// The words' UTF-8 bytes, one after another.
    private let wordBytes: [UInt8]
    /// The words with their values, by first byte: those starting with byte `b` are
    /// `entries[firstEntry[b]..<firstEntry[b + 1]]`.
    private let entries: [Entry]
    private let firstEntry: [Int]
    /// For each first byte, the lengths of its words as bits (``lengthBit(_:)``), so most
    /// words are turned away without a comparison.
    private let lengths: [UInt64]
    private let allSimple: Bool

    private struct Entry: Sendable {
        /// Where the word's bytes stand in ``wordBytes``.
        var start: Int
        var count: Int
        var value: Value
    }

    init(_ values: [String: Value]) {
        self.values = values
        var buckets = [[(word: String, value: Value)]](repeating: [], count: 256)
        for (word, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let first = word.utf8.first else { continue }
            buckets[Int(first)].append((word, value))
        }
        var wordBytes: [UInt8] = []
        var entries: [Entry] = []
        var firstEntry: [Int] = []
        var lengths = [UInt64](repeating: 0, count: 256)
        for (byte, bucket) in buckets.enumerated() {
            firstEntry.append(entries.count)
            for (word, value) in bucket {
                entries.append(Entry(start: wordBytes.count, count: word.utf8.count, value: value))
                wordBytes.append(contentsOf: word.utf8)
                lengths[byte] |= Self.lengthBit(word.utf8.count)
            }
        }
        firstEntry.append(entries.count)
        self.wordBytes = wordBytes
        self.entries = entries
        self.firstEntry = firstEntry
        self.lengths = lengths
        self.allSimple = values.keys.allSatisfy(TokenizedText.isSimple)
    }

    /// The bit of a word length in ``lengths``: one per length below 63, one for the rest.
    private static func lengthBit(_ count: Int) -> UInt64 { 1 << UInt64(Swift.min(count, 63)) }

    var isEmpty: Bool { values.isEmpty }

    /// The value of a word token's folded text in `text`.
    subscript(token token: Token, in text: TokenizedText) -> Value? {
        guard !values.isEmpty else { return nil }
        return text.foldedBytes.withUnsafeBufferPointer { self[token: token, bytes: $0] }
    }

    /// The value of a word token's folded text, where `bytes` are its text's folded bytes.
    subscript(token token: Token, bytes bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard !values.isEmpty else { return nil }
        let folded = UnsafeBufferPointer(rebasing: bytes[token.bytes])
        guard allSimple, token.isSimple else { return values[String(decoding: folded, as: UTF8.self)] }
        guard let first = folded.first.map(Int.init), lengths[first] & Self.lengthBit(folded.count) != 0 else {
            return nil
        }
        for entry in entries[firstEntry[first]..<firstEntry[first + 1]] where entry.count == folded.count {
            var same = true
            for offset in 1..<folded.count where wordBytes[entry.start + offset] != folded[offset] {
                same = false
                break
            }
            if same { return entry.value }
        }
        return nil
    }
}
