import Foundation
import PromiseCheckReports
import Testing

/// ``JSONWriter`` writes the same bytes as `JSONEncoder` with the options every JSON output uses.
@Suite("JSON writer")
struct JSONWriterTests {
    /// A JSON value, encodable by `JSONEncoder` and writable by ``JSONWriter``.
    indirect enum Value: Encodable {
        case object([String: Value])
        case array([Value])
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case optional(Value?)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .object(let members): try container.encode(members)
            case .array(let elements): try container.encode(elements)
            case .string(let value): try container.encode(value)
            case .int(let value): try container.encode(value)
            case .double(let value): try container.encode(value)
            case .bool(let value): try container.encode(value)
            case .optional(let value): try container.encode(value)
            }
        }

        func write(to writer: inout JSONWriter) {
            switch self {
            case .object(let members):
                writer.beginObject()
                for key in members.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }) {
                    writer.key(key)
                    members[key]!.write(to: &writer)
                }
                writer.endObject()
            case .array(let elements):
                writer.beginArray()
                for element in elements { element.write(to: &writer) }
                writer.endArray()
            case .string(let value): writer.string(value)
            case .int(let value): writer.int(value)
            case .double(let value): writer.double(value)
            case .bool(let value): writer.bool(value)
            case .optional(let value):
                if let value { value.write(to: &writer) } else { writer.null() }
            }
        }
    }

    static let scalars: [Unicode.Scalar] =
        Array("abcXYZ09 _-$/.:,\"\\{}[]åäöÅÄÖé".unicodeScalars)
        + [
            "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{B}", "\u{C}", "\u{D}", "\u{1F}", "\u{7F}", "\u{80}",
            "\u{A0}", "\u{AD}", "\u{301}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFD}", "😀", "\u{10FFFF}",
        ]

    static func string(_ random: inout SystemRandomNumberGenerator, keyLike: Bool = false) -> String {
        let length = Int.random(in: 0...(keyLike ? 8 : 24), using: &random)
        var text = String.UnicodeScalarView()
        for _ in 0..<length {
            // Keys stay ASCII: the writer leaves their order to its caller.
            let scalar = scalars.randomElement(using: &random)!
            text.append(keyLike && !scalar.isASCII ? "k" : scalar)
        }
        return String(text)
    }

    static func double(_ random: inout SystemRandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / 10
        case 1: return Double(Int.random(in: -10000...10000, using: &random)) / 10000
        case 2: return Double(Int64.random(in: Int64.min...Int64.max, using: &random))
        case 3:
            // Whole numbers of every magnitude, where Swift switches to exponents.
            return (pow(10, Double(Int.random(in: 0...22, using: &random))) * Double.random(in: 1..<10, using: &random))
                .rounded()
        case 4:
            return [0, -0.0, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e15, 1e16, 0.1 + 0.2, 79.2, 0.75]
                .randomElement(using: &random)!
        case 5:
            let any = Double(bitPattern: random.next())
            return any.isFinite ? any : 1
        default: return Double.random(in: -1e6...1e6, using: &random)
        }
    }

    static func value(_ random: inout SystemRandomNumberGenerator, depth: Int) -> Value {
        let kinds = depth > 3 ? 5 : 8
        switch Int.random(in: 0..<kinds, using: &random) {
        case 0: return .string(string(&random))
        case 1: return .int(Int.random(in: Int.min...Int.max, using: &random) >> Int.random(in: 0...63, using: &random))
        case 2:
            let value = double(&random)
            return .double(value.isFinite ? value : 0)
        case 3: return .bool(Bool.random(using: &random))
        case 4: return .optional(Bool.random(using: &random) ? nil : .int(Int.random(in: -9...9, using: &random)))
        case 5:
            return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in value(&random, depth: depth + 1) })
        default:
            var members: [String: Value] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                members[string(&random, keyLike: true)] = value(&random, depth: depth + 1)
            }
            return .object(members)
        }
    }

    static func encoded(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func written(_ value: Value, level: Int = 0) -> String {
        var writer = JSONWriter(level: level)
        value.write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A failure shows both texts, which is the case to keep.
    @Test("random values are written as JSONEncoder writes them")
    func randomValues() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let value = Self.value(&random, depth: 0)
            #expect(Self.written(value) == (try Self.encoded(value)))
        }
    }

    @Test(
        "numbers as JSONEncoder writes them",
        arguments: [
            79.2, 100, 0.75, 0, -0.0, 1e-7, 1e15, 1e16, 123_456_789_012_345, -3.5, .leastNonzeroMagnitude, 1e300,
        ])
    func numbers(value: Double) throws {
        #expect(Self.written(.double(value)) == (try Self.encoded(.double(value))))
    }

    /// Numbers of up to four places are written from their digits, without `Double.description`:
    /// the bytes must be those Swift prints (``JSONWriter/describedNumber(_:)``, the way every
    /// number was written before), around the ends of the range that way covers too.
    @Test("numbers of up to four places are written as Swift prints them")
    func decimalsAsSwiftPrintsThem() {
        var random = SystemRandomNumberGenerator()
        var values: [Double] = [0.001, 0.0011, 0.0009, 0.0001, 0.1 + 0.2, 999_999_999.9999, 1e9 - 0.5, 1e9, 0.75]
        for places in 0...6 {
            let scale = pow(10, Double(places))
            for _ in 0..<3000 {
                let whole = Int.random(in: -10_000_000_000_000...10_000_000_000_000, using: &random)
                values.append(Double(whole >> Int.random(in: 0...40, using: &random)) / scale)
            }
        }
        // Rounded fractions and scores, as the reports give them.
        for _ in 0..<3000 {
            let fraction = Double.random(in: 0...1, using: &random)
            values.append((fraction * 10000).rounded() / 10000)
            values.append((fraction * 1000).rounded() / 10)
        }
        for value in values + values.map(\.nextUp) + values.map(\.nextDown) {
            #expect(Self.written(.double(value)) == JSONWriter.describedNumber(value), "\(value)")
        }
        // The digits' way is taken where meant: the test above does not only test the old way.
        #expect(JSONWriter.tenThousandths(79.2) == 792_000)
        #expect(JSONWriter.tenThousandths(-0.0625) == -625)
        #expect(JSONWriter.tenThousandths(0.1 + 0.2) == nil)
        #expect(JSONWriter.tenThousandths(1e9) == nil)
        #expect(JSONWriter.tenThousandths(0.0009) == nil)
    }

    @Test("escapes only quotes, backslashes and control characters; slashes and UTF-8 stay")
    func escaping() {
        #expect(
            Self.written(.string("a/b \"c\" \\ \u{1}\t\n\r\u{8}\u{C} åäö 😀"))
                == #""a/b \"c\" \\ \u0001\t\n\r\b\f åäö 😀""#)
    }

    /// The writer skips eight bytes at a time: every byte it escapes, at every place in and
    /// around a word, among one- and two-byte characters.
    @Test("an escaped byte is found wherever it stands")
    func escapesAtEveryOffset() throws {
        let escaped: [Unicode.Scalar] = ["\"", "\\", "\u{0}", "\u{1}", "\t", "\n", "\u{1F}"]
        let neighbours: [Unicode.Scalar] = ["!", "#", "[", "]", "\u{7F}", "å", "\u{20}"]
        for filler in ["a", "ö"] {
            for length in 0...20 {
                for position in 0...length {
                    for scalar in escaped + neighbours {
                        var text = String(repeating: filler, count: length)
                        text.insert(Character(scalar), at: text.index(text.startIndex, offsetBy: position))
                        #expect(Self.written(.string(text)) == (try Self.encoded(.string(text))))
                    }
                }
            }
        }
    }

    /// The word copy stops at the escaped byte itself, not only at the word that holds it
    /// (which ``escapesAtEveryOffset()`` would notice only through the bytes written after it),
    /// and copies every byte before it: compared with a byte-by-byte search.
    @Test("the bytes before the first escaped byte are copied, and it is found exactly")
    func copyToEscapeIsExact() {
        var random = SystemRandomNumberGenerator()
        let bytes: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF, 0x61]
        for _ in 0..<20000 {
            // Mostly plain bytes, so the escaped ones fall in every word of texts up to past three.
            let plain = Int.random(in: 0...6, using: &random)
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                Int.random(in: 0...plain, using: &random) > 0 ? 0x61 : bytes.randomElement(using: &random) ?? 0
            }
            let expected = text.firstIndex(where: JSONWriter.isEscaped) ?? text.count
            var copy = [UInt8](repeating: 0xAA, count: text.count)
            let found = text.withUnsafeBufferPointer { source in
                copy.withUnsafeMutableBufferPointer { target in
                    // An empty text has nothing to copy and no escaped byte.
                    guard let base = target.baseAddress else { return 0 }
                    return JSONWriter.copyToEscape(source, to: base)
                }
            }
            #expect(found == expected, "\(text)")
            #expect(copy[..<min(found, text.count)] == text[..<min(found, text.count)], "\(text)")
        }
    }

    /// Keys are copied as words of eight, four, two or one bytes when they need no escaping:
    /// every byte to escape, or not, at every place of keys of every length up to past two words.
    @Test("a key is written as JSONEncoder writes it, whatever byte stands wherever in it")
    func keysAtEveryLength() throws {
        let scalars: [Unicode.Scalar] = ["\"", "\\", "\u{0}", "\u{1F}", "\n", " ", "~", "\u{7F}", "å", "!", "[", "]"]
        for length in 0...20 {
            for position in 0...length {
                for scalar in scalars {
                    var key = String(repeating: "k", count: length)
                    key.insert(Character(scalar), at: key.index(key.startIndex, offsetBy: position))
                    let value = Value.array([.object([key: .int(1), "~z": .object([key: .bool(true)])])])
                    #expect(Self.written(value) == (try Self.encoded(value)))
                }
            }
        }
    }

    /// The members of ``keyed``: every kind of field, nil fields left out, nested containers.
    struct Keyed: Encodable {
        var area: String?
        var count: Int
        var empty: [String] = []
        var items: [Keyed] = []
        var note: String?
        var ratio: Double?
        var tags: [String]
        var valid: Bool
    }

    static func keyed(_ value: Keyed, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("area", value.area)
        writer.field("count", value.count)
        writer.field("empty", value.empty)
        writer.beginArray(key: "items")
        for item in value.items { keyed(item, to: &writer) }
        writer.endArray()
        writer.field("note", value.note)
        writer.field("ratio", value.ratio)
        writer.field("tags", value.tags)
        writer.field("valid", value.valid)
        writer.endObject()
    }

    static func keyed(_ random: inout SystemRandomNumberGenerator, depth: Int) -> Keyed {
        Keyed(
            area: Bool.random(using: &random) ? string(&random) : nil,
            count: Int.random(in: Int.min...Int.max, using: &random) >> Int.random(in: 0...63, using: &random),
            items: depth > 2
                ? [] : (0..<Int.random(in: 0...3, using: &random)).map { _ in keyed(&random, depth: depth + 1) },
            note: Bool.random(using: &random) ? string(&random) : nil,
            ratio: Bool.random(using: &random) ? double(&random) : nil,
            tags: (0..<Int.random(in: 0...3, using: &random)).map { _ in string(&random) },
            valid: Bool.random(using: &random))
    }

    /// Fields under fixed keys (written without escaping, in one piece with their indentation).
    @Test("fields with fixed keys are written as JSONEncoder writes them")
    func keyedFields() throws {
        var random = SystemRandomNumberGenerator()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for _ in 0..<1000 {
            var value = Self.keyed(&random, depth: 0)
            if let ratio = value.ratio, !ratio.isFinite { value.ratio = 0 }
            var writer = JSONWriter()
            Self.keyed(value, to: &writer)
            let expected = String(decoding: try encoder.encode(value), as: UTF8.self)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
        }
    }

    /// The writer grows its room as it goes: bytes it started with stay, long output is whole.
    @Test("a long document after given bytes is written whole")
    func longOutput() throws {
        let long = String(repeating: "åbc\"d ", count: 3000)
        let value = Value.array((0..<50).map { index in .object(["k\(index)": .string(long), "n": .int(index)]) })
        var writer = JSONWriter(into: Array("prefix".utf8))
        value.write(to: &writer)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "prefix" + (try Self.encoded(value)))
        writer.bytes.append(UInt8(ascii: "!"))
        #expect(writer.bytes.last == UInt8(ascii: "!"))
    }

    /// A file's part is written straight into the array it is returned in; one that outgrows
    /// the room moves to the writer's own. Either way the bytes are the ordinary writer's.
    @Test("a part written into its array is what the writer writes, in its room or beyond")
    func writtenIntoArray() {
        var random = SystemRandomNumberGenerator()
        let long = Value.array((0..<40).map { .string(String(repeating: "åbc\"d ", count: $0 * 5)) })
        for round in 0..<400 {
            let value = round % 10 == 0 ? long : Self.value(&random, depth: 0)
            let prefix = Array(String(repeating: "p", count: round % 7 * 100).utf8)
            let capacity = [0, 16, 300, 64 * 1024].randomElement(using: &random)!
            let level = round % 3
            let direct = JSONWriter.written(after: prefix, level: level, capacity: capacity) { value.write(to: &$0) }
            var writer = JSONWriter(into: prefix, level: level)
            value.write(to: &writer)
            #expect(direct == writer.bytes)
        }
    }

    @Test("fixed keys must need no escaping")
    func fixedKeys() {
        #expect(JSONWriter.needsNoEscaping("engine_findings"))
        #expect(!JSONWriter.needsNoEscaping("a\"b"))
        #expect(!JSONWriter.needsNoEscaping("a\\b"))
        #expect(!JSONWriter.needsNoEscaping("tab\t"))
        #expect(!JSONWriter.needsNoEscaping("å"))
    }

    @Test("the eight-bytes-at-a-time key test answers as a byte-by-byte one, for every byte at every place")
    func keyTestIsBytewise() {
        func simple(_ bytes: [UInt8]) -> Bool {
            bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        }
        var generator = SystemRandomNumberGenerator()
        for length in 0...19 {
            for position in 0..<max(length, 1) {
                for byte in UInt8.min...UInt8.max {
                    var bytes = (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
                    if length > 0 { bytes[position] = byte }
                    let answer = bytes.withUnsafeBufferPointer { buffer in
                        JSONWriter.needsNoEscaping(bytes: buffer)
                    }
                    if answer != simple(bytes) {
                        Issue.record("\(bytes): \(answer)")
                        return
                    }
                }
            }
        }
    }

    @Test("a fixed key that needs escaping is escaped: the document stays valid JSON")
    func escapedFixedKeys() throws {
        var writer = JSONWriter(into: [])
        writer.beginObject()
        writer.field("a\"b", 1)
        writer.field("tab\t", "x")
        writer.field("plain", true)
        writer.endObject()
        let object = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any]
        #expect(object?["a\"b"] as? Int == 1)
        #expect(object?["tab\t"] as? String == "x")
        #expect(object?["plain"] as? Bool == true)
    }

    @Test("a fragment is indented as it would be inside a document")
    func fragment() throws {
        let inner = Value.object(["a": .array([.int(1)]), "b": .object([:])])
        let whole = try Self.encoded(.array([.array([inner])]))
        let fragment = Self.written(inner, level: 2)
        #expect(whole.contains("\n    " + fragment + "\n"))
    }
}
