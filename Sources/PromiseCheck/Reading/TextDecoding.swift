import PromiseCheckYAML

/// A text file's contents as lines of Unicode scalars.
struct DecodedText: Sendable {
    /// The lines without their line breaks; line `n` of the file is `lines[n - 1]`.
    var lines: [[Unicode.Scalar]]
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
        if let nul = bytes[start...].firstIndex(of: 0) {
            let location = location(ofByte: nul, in: bytes, from: start, countingEveryByte: false)
            log.error(
                "binary file (NUL byte at \(location)); expected text", path: path, at: location, code: "input.binary")
            return nil
        }
        guard let invalid = firstInvalidUTF8Byte(bytes, from: start) else {
            return DecodedText(lines: utf8Lines(bytes, from: start), isWindows1252: false)
        }
        log.warning(
            "not UTF-8; read as Windows-1252", path: path,
            at: location(ofByte: invalid, in: bytes, from: start, countingEveryByte: true), code: "input.windows-1252")
        return DecodedText(lines: windows1252Lines(bytes, from: start, path: path, log: log), isWindows1252: true)
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

    /// The lines of valid UTF-8 from `start`, decoded straight from the bytes, each line's
    /// array allocated once at the size of its bytes.
    static func utf8Lines(_ bytes: [UInt8], from start: Int) -> [[Unicode.Scalar]] {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var lines: [[Unicode.Scalar]] = []
            lines.reserveCapacity((count - start) / 40 + 1)
            var index = start
            while true {
                var end = index
                while end < count, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
                // Written in place: a line has at most as many scalars as bytes.
                let line = [Unicode.Scalar](unsafeUninitializedCapacity: end - index) { scalars, written in
                    guard let base = scalars.baseAddress else { return }
                    var count = 0
                    while index < end {
                        let lead = buffer[index]
                        // ASCII, most of a promise, is one byte and one scalar.
                        if lead < 0x80 {
                            (base + count).initialize(to: Unicode.Scalar(lead))
                            count += 1
                            index += 1
                            continue
                        }
                        var value: UInt32
                        var length: Int
                        switch lead {
                        case 0xC0..<0xE0: (value, length) = (UInt32(lead & 0x1F), 2)
                        case 0xE0..<0xF0: (value, length) = (UInt32(lead & 0x0F), 3)
                        default: (value, length) = (UInt32(lead & 0x07), 4)
                        }
                        // Validated UTF-8 has every continuation byte before the line's end.
                        let sequenceEnd = min(index + length, end)
                        index += 1
                        while index < sequenceEnd {
                            value = value << 6 | UInt32(buffer[index] & 0x3F)
                            index += 1
                        }
                        (base + count).initialize(to: Unicode.Scalar(value) ?? "\u{FFFD}")
                        count += 1
                    }
                    written = count
                }
                lines.append(line)
                guard end < count else { return lines }
                index = end + (buffer[end] == 0x0D && end + 1 < count && buffer[end + 1] == 0x0A ? 2 : 1)
                if index == count { break }
            }
            lines.append([])
            return lines
        }
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
