/// Read-only view of the input bytes for encoding checks, positions and snippets.
///
/// It borrows the buffer; use it only while the buffer is alive. Line breaks follow libyaml
/// (LF, CR, CRLF, NEL, LS, PS) and columns count Unicode scalars, so marks computed here agree
/// with libyaml's. A leading UTF-8 byte order mark is not part of line 1.
struct SourceText {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The widest snippet line shown, in Unicode scalars; longer lines are cut around the column.
    private static let snippetWidth = 160

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// 3 when the text starts with a UTF-8 byte order mark, else 0.
    var byteOrderMarkLength: Int {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return 3 }
        return 0
    }

    // MARK: Encoding

    /// Rejects UTF-16 and UTF-32 text.
    func checkForeignEncoding() throws(YAMLError) {
        if let foreign = ForeignEncoding.name(of: bytes) {
            throw YAMLError(kind: .notUTF8, message: "\(foreign) text; save the file as UTF-8", mark: .start)
        }
    }

    /// Rejects NUL bytes and invalid UTF-8.
    func checkUTF8() throws(YAMLError) {
        guard let offset = firstBadByteOffset() else { return }
        let mark = self.mark(atOffset: offset)
        if bytes[offset] == 0 {
            throw YAMLError(
                kind: .binary, message: "binary file (NUL byte at \(mark)); expected UTF-8 text",
                mark: mark, snippet: snippet(at: mark))
        }
        throw YAMLError(
            kind: .notUTF8, message: "not valid UTF-8 at byte offset \(offset)",
            mark: mark, snippet: snippet(at: mark))
    }

    /// The offset of the first NUL byte or the first byte of the first ill-formed UTF-8 sequence.
    private func firstBadByteOffset() -> Int? {
        UTF8Validation.firstBadByte(in: bytes, stoppingAtNUL: true)
    }

    /// Whether the text holds only whitespace and comments.
    ///
    /// Checked before libyaml, which rejects tabs on otherwise blank lines. Stops at the first
    /// content character, so it costs next to nothing for real documents.
    var isBlank: Bool {
        let count = bytes.count
        var index = byteOrderMarkLength
        while index < count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D:
                index += 1
            case UInt8(ascii: "#"):
                while index < count, bytes[index] != 0x0A, bytes[index] != 0x0D {
                    index += 1
                }
            default:
                return false
            }
        }
        return true
    }

    // MARK: Positions

    /// The length of the line break starting at `index`, or 0 when there is none.
    private func lineBreakLength(at index: Int) -> Int {
        let count = bytes.count
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2: return index + 1 < count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard index + 2 < count, bytes[index + 1] == 0x80 else { return 0 }
            return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
        default: return 0
        }
    }

    /// The mark of the byte at `offset`; the bytes before it must be valid UTF-8.
    func mark(atOffset offset: Int) -> Mark {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        var index = min(byteOrderMarkLength, end)
        while index < end {
            let breakLength = lineBreakLength(at: index)
            if breakLength > 0 {
                line += 1
                column = 1
                index += breakLength
            } else {
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        return Mark(line: line, column: column)
    }

    /// The byte range of 1-based line `line`, without its line break; nil past the last line.
    func lineRange(_ line: Int) -> Range<Int>? {
        guard line >= 1 else { return nil }
        let count = bytes.count
        var current = 1
        var start = byteOrderMarkLength
        var index = start
        while index < count {
            let breakLength = lineBreakLength(at: index)
            if breakLength == 0 {
                index += 1
                continue
            }
            if current == line { return start..<index }
            current += 1
            index += breakLength
            start = index
        }
        return current == line ? start..<count : nil
    }

    /// The Unicode scalars of line `line` (invalid bytes decode as U+FFFD); empty past the end.
    func lineScalars(_ line: Int) -> [Unicode.Scalar] {
        guard let range = lineRange(line), let base = bytes.baseAddress else { return [] }
        let lineBytes = UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
        return Array(String(decoding: lineBytes, as: UTF8.self).unicodeScalars)
    }

    /// The source line at `mark`, a newline, and a caret under the mark's column.
    ///
    /// The caret line copies tabs from the source line so it lines up; control characters are
    /// shown as their Unicode control pictures, and long lines are cut to a window with `…`.
    func snippet(at mark: Mark) -> String? {
        guard mark.line >= 1, mark.column >= 1 else { return nil }
        let scalars = lineScalars(mark.line)
        let caretIndex = mark.column - 1
        var window = 0..<scalars.count
        if scalars.count > Self.snippetWidth {
            let start = max(0, min(caretIndex - Self.snippetWidth / 2, scalars.count - Self.snippetWidth))
            window = start..<(start + Self.snippetWidth)
        }
        var text = String.UnicodeScalarView()
        var caret = String.UnicodeScalarView()
        let ellipsis: Unicode.Scalar = "\u{2026}"
        if window.lowerBound > 0 {
            text.append(ellipsis)
            caret.append(" ")
        }
        for scalar in scalars[window] {
            text.append(Self.printable(scalar))
        }
        if window.upperBound < scalars.count {
            text.append(ellipsis)
        }
        var index = window.lowerBound
        while index < caretIndex {
            caret.append(index < scalars.count && scalars[index] == "\t" ? "\t" : " ")
            index += 1
        }
        caret.append("^")
        return String(text) + "\n" + String(caret)
    }

    /// `scalar`, or its control picture when it is a control character other than tab.
    private static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: return scalar
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value) ?? scalar
        case 0x7F: return "\u{2421}"
        default: return scalar
        }
    }

    /// Whether libyaml's complaint at `mark` is about a tab used as indentation.
    ///
    /// libyaml names tabs in some messages; otherwise a tab that "cannot start any token" is
    /// a tab where indentation (or separation after `-`, `?`, `:`) was expected.
    func isTabIndentation(problem: String, at mark: Mark) -> Bool {
        if problem.contains("tab character") { return true }
        guard problem == "found character that cannot start any token" else { return false }
        let scalars = lineScalars(mark.line)
        guard mark.column >= 1, mark.column <= scalars.count else { return false }
        return scalars[mark.column - 1] == "\t"
    }
}
