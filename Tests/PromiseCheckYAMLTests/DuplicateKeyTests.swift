import PromiseCheckYAML
import Testing

/// The builder finds duplicate keys by a scan of the mapping's keys while it is small and by a
/// dictionary once it grows. Here random flow mappings, nested, small and large, with anchored
/// keys and alias keys, keys that share their first bytes or their length, and quoted spellings
/// of the same key, are parsed and the error compared with the simple rule worked out while
/// writing them: the first key in the text equal to an earlier key of its mapping.
@Suite struct DuplicateKeyTests {
    /// Spellings of keys and the text each stands for: equal texts written differently, texts
    /// that share their first seven bytes and their length, and non-ASCII ones.
    private static let keys: [(written: String, text: String)] = [
        ("a", "a"), ("'a'", "a"), ("\"a\"", "a"), ("b", "b"), ("ab", "ab"), ("\"\\x61b\"", "ab"),
        ("abcdefgh", "abcdefgh"), ("abcdefgi", "abcdefgi"), ("'abcdefgh'", "abcdefgh"),
        ("abcdefghijklmnop", "abcdefghijklmnop"), ("abcdefghijklmnoq", "abcdefghijklmnoq"), ("é", "é"),
        ("\"\\u00e9\"", "é"), ("ée", "ée"), ("''", ""), ("\"\"", ""), ("title", "title"), ("titlf", "titlf"),
    ]

    /// Writes random YAML on one line and says where the first duplicate key is, if any.
    private struct Writer {
        var text = ""
        /// Columns count Unicode scalars, as marks do.
        var column = 1
        var anchors: [(name: String, text: String)] = []
        var firstDuplicate: (at: Mark, first: Mark)?
        var random: SystemRandomNumberGenerator

        mutating func write(_ piece: String) {
            text += piece
            column += piece.unicodeScalars.count
        }

        mutating func value(depth: Int) {
            switch Int.random(in: 0..<(depth < 3 ? 4 : 1), using: &random) {
            case 0: write(["x", "'y'", "1", "é"].randomElement(using: &random) ?? "x")
            case 1: sequence(depth: depth + 1)
            default: mapping(depth: depth + 1)
            }
        }

        mutating func sequence(depth: Int) {
            write("[")
            for index in 0..<Int.random(in: 0...3, using: &random) {
                if index > 0 { write(", ") }
                value(depth: depth)
            }
            write("]")
        }

        mutating func mapping(depth: Int) {
            write("{")
            // Now and then past the size where the builder keeps a dictionary of the keys.
            let large = Int.random(in: 0...3, using: &random) == 0
            let count = Int.random(in: large ? 14...22 : 0...5, using: &random)
            var seen: [String: Mark] = [:]
            for index in 0..<count {
                if index > 0 { write(", ") }
                let mark = Mark(line: 1, column: column)
                let text: String
                if !anchors.isEmpty, Int.random(in: 0..<6, using: &random) == 0 {
                    let anchor = anchors.randomElement(using: &random) ?? anchors[0]
                    write("*\(anchor.name) ")
                    text = anchor.text
                } else {
                    let key = DuplicateKeyTests.keys.randomElement(using: &random) ?? DuplicateKeyTests.keys[0]
                    if Int.random(in: 0..<5, using: &random) == 0 {
                        // The anchor's mark is the node's: the key starts at the `&`.
                        let name = "k\(anchors.count)"
                        write("&\(name) ")
                        anchors.append((name, key.text))
                    }
                    write(key.written)
                    text = key.text
                }
                if let first = seen[text] {
                    if firstDuplicate == nil { firstDuplicate = (mark, first) }
                } else {
                    seen[text] = mark
                }
                write(": ")
                value(depth: depth)
            }
            write("}")
        }
    }

    @Test func duplicateKeysAreFoundAsByComparingEveryKey() {
        var duplicates = 0
        for _ in 0..<3_000 {
            var writer = Writer(random: SystemRandomNumberGenerator())
            writer.mapping(depth: 0)
            let error = parseError(writer.text)
            if let expected = writer.firstDuplicate {
                duplicates += 1
                #expect(error?.kind == .duplicateKey(first: expected.first), "\(writer.text)")
                #expect(error?.mark == expected.at, "\(writer.text)")
            } else {
                #expect(error == nil, "\(writer.text)")
            }
        }
        // Both outcomes are exercised.
        #expect(duplicates > 300 && duplicates < 2_700)
    }
}
