import PromiseCheckYAML
import Testing

/// Strings made from bytes known to be UTF-8, without a second validation, against decoding.
@Suite struct ValidUTF8StringTests {
    /// Characters of one to four bytes, a combining mark, line breaks of two and three bytes,
    /// NUL, and ASCII runs that cross the eight-byte steps of the ASCII test.
    private static let pieces = [
        "a", "Hej ", "abcdefgh", "å", "Ö", "e\u{301}", "😀", "\u{2028}", "\u{85}", "\0", "\t", "–", "\u{FEFF}",
    ]

    @Test func makesTheStringDecodingMakes() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &random) { text += Self.pieces.randomElement(using: &random)! }
            let bytes = Array(text.utf8)
            let made = bytes.withUnsafeBufferPointer { String(validUTF8: $0) }
            let decoded = String(decoding: bytes, as: UTF8.self)
            #expect(made == decoded, "\(bytes)")
            #expect(Array(made.utf8) == bytes)
            // Counting characters takes a shortcut for ASCII strings, so a wrong flag shows here.
            #expect(made.count == decoded.count, "\(bytes)")
            #expect(made.utf16.count == decoded.utf16.count)
            #expect(bytes.withUnsafeBufferPointer { UTF8Validation.isASCII($0) } == bytes.allSatisfy { $0 < 0x80 })
        }
    }

    /// libyaml's scalar values are taken as well-formed UTF-8: escapes of any scalar, in every
    /// length of encoding, come out as those scalars.
    @Test func escapedScalarsParseToThoseScalars() throws {
        let ranges: [ClosedRange<UInt32>] = [
            0x01...0x1F, 0x20...0x7E, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF,
        ]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            var escaped = ""
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let range = ranges.randomElement(using: &random)!
                guard let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) else { continue }
                scalars.append(scalar)
                let hex = String(scalar.value, radix: 16)
                func escape(_ letter: String, digits: Int) -> String {
                    "\\" + letter + String(repeating: "0", count: digits - hex.count) + hex
                }
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where scalar.value <= 0xFF: escaped += escape("x", digits: 2)
                case 1 where scalar.value <= 0xFFFF: escaped += escape("u", digits: 4)
                default: escaped += escape("U", digits: 8)
                }
            }
            let value = try #require(try YAMLParser.parse("v: \"\(escaped)\"\n")["v"]?.scalar)
            let expected = String(scalars)
            #expect(Array(value.utf8) == Array(expected.utf8), "\(escaped)")
            #expect(value == expected && value.count == expected.count, "\(escaped)")
        }
        #expect(parseError("v: \"\\uD800\"\n") != nil)
        #expect(parseError("v: \"\\U00110000\"\n") != nil)
    }
}
