import PromiseCheckYAML

/// A file's lines as Unicode scalars, for rebuilding multi-line YAML values with exact positions.
///
/// Keeps the file's text as UTF-8 with where each line starts and ends; a line is decoded
/// into scalars only when asked for, as most lines of a file never are.
struct SourceLines {
    /// The text as UTF-8, invalid bytes replaced and a byte order mark left out.
    private let utf8: [UInt8]
    /// Each line's bytes in `utf8`, without its line break (`\n`, `\r\n` or `\r`).
    private let ranges: [Range<Int>]

    init(_ bytes: [UInt8]) {
        let utf8 = Self.repairedText(bytes)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(utf8.count / 40 + 1)
        utf8.withUnsafeBufferPointer { utf8 in
            let count = utf8.count
            var start = 0
            var index = 0
            while index < count {
                let byte = utf8[index]
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    ranges.append(start..<index)
                    if byte == UInt8(ascii: "\r"), index + 1 < count, utf8[index + 1] == UInt8(ascii: "\n") {
                        index += 1
                    }
                    start = index + 1
                }
                index += 1
            }
            ranges.append(start..<count)
        }
        self.utf8 = utf8
        self.ranges = ranges
    }

    /// `bytes` as valid UTF-8 without a leading byte order mark.
    ///
    /// Valid UTF-8 without a byte order mark (what a parsed YAML file holds) is taken as it is;
    /// anything else goes through `String`, whose repair and first-`Character` test decide.
    static func repairedText(_ bytes: [UInt8]) -> [UInt8] {
        let startsWithMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if !startsWithMark,
            bytes.withUnsafeBufferPointer({ UTF8Validation.firstBadByte(in: $0, stoppingAtNUL: false) }) == nil
        {
            return bytes
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return Array(text.utf8)
    }

    /// The number of lines.
    var count: Int { ranges.count }

    /// Line `number` (1-based), or nil past the end.
    func line(_ number: Int) -> [Unicode.Scalar]? {
        guard number >= 1 && number <= ranges.count else { return nil }
        var scalars: [Unicode.Scalar] = []
        let range = ranges[number - 1]
        scalars.reserveCapacity(range.count)
        var decoder = UTF8()
        var iterator = utf8[range].makeIterator()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { scalars.append(scalar) }
        return scalars
    }

    /// Whether `text` occurs anywhere in the file (line breaks included).
    func contains(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, needle.count <= utf8.count else { return needle.isEmpty }
        var index = 0
        while index <= utf8.count - needle.count {
            if utf8[index] == first, utf8[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// The UTF-8 bytes of line `number` (1-based), without its line break, or nil past the end.
    func lineBytes(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1 && number <= ranges.count else { return nil }
        return utf8[ranges[number - 1]]
    }

    static func indentation(_ line: [Unicode.Scalar]) -> Int {
        line.prefix { $0 == " " }.count
    }

    static func isBlank(_ line: [Unicode.Scalar]) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The number of spaces that start `line`; as spaces are single bytes, also its indentation
    /// in Unicode scalars.
    static func indentation(_ line: ArraySlice<UInt8>) -> Int {
        line.prefix { $0 == UInt8(ascii: " ") }.count
    }

    /// Whether `line` holds only spaces and tabs.
    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The number of Unicode scalars in valid UTF-8 `bytes`: the bytes that are not continuations.
    static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The text of `scalars`, encoded in one pass.
    static func string<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
