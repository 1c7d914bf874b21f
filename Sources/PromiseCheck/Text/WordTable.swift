/// Values of single words (number words, month names), looked up by a token's folded text
/// without hashing it.
///
/// Such tables are asked about nearly every word of a text and hold a few dozen words, so a
/// lookup first narrows by the word's first byte and length and then compares bytes. Bytes
/// compare like `String` only for text whose scalars all lie below U+0300 (see
/// `Token.isSimple`); other words and tokens take the dictionary.
struct WordTable<Value: Sendable>: Sendable {
    let values: [String: Value]
    /// The words by their first UTF-8 byte, with their values.
    private let buckets: [[(word: String, value: Value)]]
    private let allSimple: Bool

    init(_ values: [String: Value]) {
        self.values = values
        var buckets = [[(word: String, value: Value)]](repeating: [], count: 256)
        for (word, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let first = word.utf8.first else { continue }
            buckets[Int(first)].append((word, value))
        }
        self.buckets = buckets
        self.allSimple = values.keys.allSatisfy(TokenizedText.isSimple)
    }

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
        guard let first = folded.first else { return nil }
        for candidate in buckets[Int(first)] where PhraseMatcher.Index.bytes(folded, hold: candidate.word, at: .whole) {
            return candidate.value
        }
        return nil
    }
}
