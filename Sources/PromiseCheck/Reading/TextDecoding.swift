import PromiseCheckYAML

/// A text file's lines as UTF-8: one buffer of valid UTF-8, each line a range of it without its
/// line break. For UTF-8 files the buffer is the file's own bytes, so decoding copies nothing.
struct TextLines: Sendable {
    /// Valid UTF-8; bytes outside the lines' ranges (line breaks, a byte order mark) are not text.
    private(set) var bytes: [UInt8]
    /// The byte range of each line; line `n` of the file is `ranges[n - 1]`.
    private(set) var ranges: [Range<Int>]

    /// Lines of `bytes`, which must be valid UTF-8 within every range: the texts of the blocks
    /// laid out from them are made without validating them again.
    init(bytes: [UInt8], ranges: [Range<Int>]) {
        self.bytes = bytes
        self.ranges = ranges
    }

    /// Lines of scalars, encoded as UTF-8.
    init(_ lines: [[Unicode.Scalar]]) {
        bytes = []
        ranges = []
        ranges.reserveCapacity(lines.count)
        for line in lines {
            let start = bytes.count
            TextLayout.appendUTF8(line, to: &bytes)
            ranges.append(start..<bytes.count)
        }
    }

    var count: Int { ranges.count }

    /// The scalars of the line at `index` (0-based).
    func scalars(_ index: Int) -> [Unicode.Scalar] {
        Array(String(decoding: bytes[ranges[index]], as: UTF8.self).unicodeScalars)
    }

    /// Every line as scalars.
    var scalarLines: [[Unicode.Scalar]] { ranges.indices.map(scalars) }

    /// Replaces the line at `index` (0-based) by `scalars`: they are added at the end of the
    /// buffer, so other lines keep their ranges.
    mutating func replace(_ index: Int, with scalars: [Unicode.Scalar]) {
        let start = bytes.count
        TextLayout.appendUTF8(scalars, to: &bytes)
        ranges[index] = start..<bytes.count
    }

    /// Whether the line at `index` (0-based) has only whitespace, or nothing.
    func isBlank(_ index: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let line = ranges[index]
            return TextLayout.skipWhitespace(buffer, from: line.lowerBound, to: line.upperBound).end == line.upperBound
        }
    }
}

/// A text file's contents as lines.
struct DecodedText: Sendable {
    var lines: TextLines
    /// Whether the bytes were not UTF-8 and were read as Windows-1252.
    var isWindows1252: Bool
}

/// Turns a text file's bytes into lines, the way published promises are actually saved.
///
/// UTF-8 is read as is, without a leading byte order mark (columns do not count it). Bytes that
/// are not UTF-8 are read as Windows-1252, the encoding of text saved by older Windows
/// programs, with a warning. CRLF, LF and a lone CR each end a line; every scalar, tabs and
/// non-breaking spaces included, is one column.
enum TextDecoding {
    /// The decoded lines, or nil when the bytes are not text (UTF-16 or UTF-32, NUL bytes).
    static func decode(_ bytes: [UInt8], path: String, log: DiagnosticLog) -> DecodedText? {
        if let foreign = ForeignEncoding.name(of: bytes) {
            log.error("\(foreign) text; save the file as UTF-8", path: path, at: .start, code: "input.encoding")
            return nil
        }
        let start = hasByteOrderMark(bytes) ? 3 : 0
        // One pass finds the first NUL or ill-formed byte; only past an ill-formed one may a NUL
        // still stand further on.
        let bad = bytes.withUnsafeBufferPointer {
            UTF8Validation.firstBadByte(in: $0, from: start, stoppingAtNUL: true)
        }
        let nul = bad.flatMap { bad in bytes[bad...].firstIndex(of: 0) }
        if let nul {
            let location = location(ofByte: nul, in: bytes, from: start, countingEveryByte: false)
            log.error(
                "binary file (NUL byte at \(location)); expected text", path: path, at: location, code: "input.binary")
            return nil
        }
        guard let invalid = bad else {
            return DecodedText(lines: utf8Lines(bytes, from: start), isWindows1252: false)
        }
        log.warning(
            "not UTF-8; read as Windows-1252", path: path,
            at: location(ofByte: invalid, in: bytes, from: start, countingEveryByte: true), code: "input.windows-1252")
        return DecodedText(
            lines: TextLines(windows1252Lines(bytes, from: start, path: path, log: log)), isWindows1252: true)
    }

    static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The offset of the first byte of the first ill-formed UTF-8 sequence.
    static func firstInvalidUTF8Byte(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstBadByte(in: $0, from: start, stoppingAtNUL: false) }
    }

    /// Where byte `offset` stands: lines end at CRLF, LF or CR; a column is a scalar, which is
    /// one byte in Windows-1252 and a lead byte in UTF-8.
    static func location(ofByte offset: Int, in bytes: [UInt8], from start: Int, countingEveryByte: Bool)
        -> SourceLocation
    {
        var line = 1
        var column = 1
        var index = start
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte != 0x0D, countingEveryByte || byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// The lines of valid UTF-8 from `start`: ranges of `bytes` itself, found by looking for
    /// line breaks eight bytes at a time.
    static func utf8Lines(_ bytes: [UInt8], from start: Int) -> TextLines {
        let ranges = bytes.withUnsafeBufferPointer { buffer -> [Range<Int>] in
            let count = buffer.count
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity((count - start) / 40 + 1)
            guard let base = buffer.baseAddress else { return [0..<0] }
            let raw = UnsafeRawPointer(base)
            var index = start
            while true {
                var end = index
                // A word none of whose bytes is below 0x0E holds no line break: most words of text.
                while end + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)
                    if (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                    end += 8
                }
                while end < count, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
                ranges.append(index..<end)
                guard end < count else { return ranges }
                index = end + (buffer[end] == 0x0D && end + 1 < count && buffer[end + 1] == 0x0A ? 2 : 1)
                if index == count { break }
            }
            ranges.append(count..<count)
            return ranges
        }
        return TextLines(bytes: bytes, ranges: ranges)
    }

    /// ``utf8Lines(_:from:)`` through `String`'s decoding, kept for the tests to compare.
    static func utf8LinesByString(_ bytes: [UInt8], from start: Int) -> [[Unicode.Scalar]] {
        var splitter = LineSplitter()
        for scalar in String(decoding: bytes[start...], as: UTF8.self).unicodeScalars {
            splitter.add(scalar)
        }
        return splitter.finish()
    }

    private static func windows1252Lines(_ bytes: [UInt8], from start: Int, path: String, log: DiagnosticLog)
        -> [[Unicode.Scalar]]
    {
        var splitter = LineSplitter()
        var reported = 0
        for index in start..<bytes.count {
            let byte = bytes[index]
            if let scalar = windows1252Scalar(byte) {
                splitter.add(scalar)
                continue
            }
            if reported < maxReportedBytes {
                let location = SourceLocation(line: splitter.lineCount, column: splitter.currentColumn)
                log.error(
                    "byte 0x\(String(byte, radix: 16, uppercase: true)) is not a character in Windows-1252",
                    path: path, at: location, code: "input.encoding")
            }
            reported += 1
            splitter.add("\u{FFFD}")
        }
        return splitter.finish()
    }

    /// Undefined bytes reported one by one, at most; a file full of them is not Windows-1252.
    private static let maxReportedBytes = 10

    /// The character of a Windows-1252 byte; nil for the five bytes the encoding leaves undefined.
    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        guard byte >= 0x80, byte <= 0x9F else { return Unicode.Scalar(byte) }
        let value = windows1252High[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// Bytes 0x80–0x9F; 0 where undefined. The rest of the encoding is Latin-1.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D,
        0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,
        0x017E, 0x0178,
    ]
}

/// Splits a stream of scalars into lines at CRLF, LF and lone CR.
private struct LineSplitter {
    /// The lines before the current one.
    private var lines: [[Unicode.Scalar]] = []
    private var current: [Unicode.Scalar] = []
    private var previousWasCR = false

    /// The number of the line the next scalar will be on.
    var lineCount: Int { lines.count + 1 }
    /// The column the next scalar will have.
    var currentColumn: Int { current.count + 1 }

    mutating func add(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "\n":
            if !previousWasCR { endLine() }
            previousWasCR = false
        case "\r":
            endLine()
            previousWasCR = true
        default:
            current.append(scalar)
            previousWasCR = false
        }
    }

    private mutating func endLine() {
        lines.append(current)
        current.removeAll(keepingCapacity: true)
    }

    /// Every line, the current one last.
    consuming func finish() -> [[Unicode.Scalar]] {
        lines.append(current)
        return lines
    }
}
