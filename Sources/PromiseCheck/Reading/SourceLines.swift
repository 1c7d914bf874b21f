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
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let utf8 = Array(text.utf8)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(utf8.count / 40 + 1)
        var start = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                ranges.append(start..<index)
                if byte == UInt8(ascii: "\r"), index + 1 < utf8.count, utf8[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                start = index + 1
            }
            index += 1
        }
        ranges.append(start..<utf8.count)
        self.utf8 = utf8
        self.ranges = ranges
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

    static func indentation(_ line: [Unicode.Scalar]) -> Int {
        line.prefix { $0 == " " }.count
    }

    static func isBlank(_ line: [Unicode.Scalar]) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
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
