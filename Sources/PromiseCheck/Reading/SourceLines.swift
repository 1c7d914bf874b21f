import Foundation
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
        self.init(text: Self.repairedText(bytes))
    }

    /// The lines of bytes already known to be valid UTF-8, as a parsed YAML file's are (the
    /// parser rejects anything else): only a leading byte order mark is left out, which is
    /// what ``repairedText(_:)`` does to such bytes.
    init(validUTF8 bytes: [UInt8]) {
        self.init(text: Self.startsWithByteOrderMark(bytes) ? Array(bytes.dropFirst(3)) : bytes)
    }

    private init(text utf8: [UInt8]) {
        self.utf8 = utf8
        self.ranges = utf8.withUnsafeBufferPointer(Self.lineRanges)
    }

    static func startsWithByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// Each line's bytes, without its break (`\n`, `\r\n` or `\r`): found with `memchr` when
    /// the text has no `\r` (most files), byte by byte otherwise.
    static func lineRanges(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(utf8.count / 40 + 1)
        guard let base = utf8.baseAddress, memchr(base, Int32(UInt8(ascii: "\r")), utf8.count) == nil else {
            return lineRangesByBytes(utf8)
        }
        var start = 0
        while let found = memchr(base + start, Int32(UInt8(ascii: "\n")), utf8.count - start) {
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            ranges.append(start..<end)
            start = end + 1
        }
        ranges.append(start..<utf8.count)
        return ranges
    }

    /// ``lineRanges(_:)`` one byte at a time, for any line breaks.
    static func lineRangesByBytes(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(utf8.count / 40 + 1)
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
        return ranges
    }

    /// `bytes` as valid UTF-8 without a leading byte order mark.
    ///
    /// Valid UTF-8 without a byte order mark (what a parsed YAML file holds) is taken as it is;
    /// anything else goes through `String`, whose repair and first-`Character` test decide.
    static func repairedText(_ bytes: [UInt8]) -> [UInt8] {
        if !startsWithByteOrderMark(bytes),
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
        Self.bytes(utf8[...], contain: Array(text.utf8))
    }

    /// Whether `needle` occurs in `bytes`: each place of its first byte is found with `memchr`
    /// and the rest compared there with `memcmp`.
    static func bytes(_ bytes: ArraySlice<UInt8>, contain needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= bytes.count else { return needle.isEmpty }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                guard let base = haystack.baseAddress, let needleBase = needle.baseAddress else { return false }
                let last = haystack.count - needle.count
                var index = 0
                while index <= last, let found = memchr(base + index, Int32(first), last - index + 1) {
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, needleBase, needle.count) == 0 { return true }
                    index += 1
                }
                return false
            }
        }
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

    /// The number of Unicode scalars in valid UTF-8 `bytes`: the bytes that are not
    /// continuations, counted eight at a time (``TextLayout/scalarCount(_:from:to:)``).
    static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { TextLayout.scalarCount($0, from: 0, to: $0.count) }
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
