/// A paragraph, list item or heading of a text file, its text mapped to the file line by line.
struct TextBlock: Sendable {
    enum Kind: Sendable, Equatable {
        case paragraph
        /// A Markdown `>` quote: read as a paragraph, never a heading.
        case quote
        /// A list item; `indent` is the number of whitespace scalars before its marker.
        case listItem(indent: Int)
        /// A Markdown `#` heading or an underlined (setext) heading, with its level.
        case heading(level: Int)
    }

    var kind: Kind
    /// The text, its lines joined with a space; the text of a list item starts after its marker.
    var span: Span
    var lineCount: Int
    /// Whether a blank line, or the start of the text, comes right before it.
    var followsBlankLine: Bool
    /// One short line shaped like a heading: no sentence punctuation at its end, not a list item.
    var isHeadingShaped = false
    /// Shaped like a heading and followed by another block, except a line ending in `:` that
    /// leads straight into a list (that is a lead-in to the list).
    var isHeadingCandidate = false
    /// A heading shape that starts with a word and a small number ("Del 2: …"): always a heading.
    var isNumberedHeading = false

    var text: String { span.text }
    var location: SourceLocation { span.location }

    var isListItem: Bool {
        if case .listItem = kind { return true }
        return false
    }

    /// The level of a Markdown or underlined heading.
    var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }

    /// Whether the text ends with a colon, emphasis markers aside.
    var endsWithColon: Bool { TextLayout.lastMeaningfulScalar(of: text) == ":" }
    /// Ends in `:` or `;`, the marks that announce what follows ("… i följande områden;").
    var announcesWhatFollows: Bool {
        let last = TextLayout.lastMeaningfulScalar(of: text)
        return last == ":" || last == ";"
    }
}

/// The language-neutral block structure of a text: blank-line separated paragraphs, list items
/// and, in Markdown, headings, quotes, code and comments.
///
/// Every block keeps where each of its lines stands, so a word found in its text is reported at
/// its own line and column. Lines are scanned once, scalar by scalar; nothing here is quadratic
/// in the length of a line.
enum TextLayout {
    /// The blocks of `lines` (line `n` is `lines[n - 1]`) from line `firstLine` on.
    static func blocks(of lines: [[Unicode.Scalar]], format: Document.Format, from firstLine: Int = 1)
        -> [TextBlock]
    {
        var builder = Builder(markdown: format == .markdown)
        var index = max(firstLine - 1, 0)
        while index < lines.count {
            builder.add(lines[index], number: index + 1)
            index += 1
        }
        builder.close()
        var blocks = builder.blocks
        for index in blocks.indices {
            guard blocks[index].kind == .paragraph, blocks[index].lineCount == 1 else { continue }
            let text = blocks[index].text
            blocks[index].isHeadingShaped = isHeadingShaped(text)
            guard blocks[index].isHeadingShaped else { continue }
            blocks[index].isNumberedHeading = isNumberedHeading(text)
            guard index + 1 < blocks.count else { continue }
            let next = blocks[index + 1]
            let leadsIntoList = blocks[index].endsWithColon && next.isListItem && !next.followsBlankLine
            blocks[index].isHeadingCandidate = !leadsIntoList
        }
        return blocks
    }

    // MARK: Line structure

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII answers without a Unicode property lookup: tab to carriage return, and space.
        if scalar.isASCII { return scalar == " " || ("\t"..."\r").contains(scalar) }
        return scalar.properties.isWhitespace
    }

    /// Whether `scalar` is a letter (Unicode's Alphabetic), ASCII without a property lookup.
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        return scalar.properties.isAlphabetic
    }

    /// Whether `scalar` is lower case (Unicode's Lowercase), ASCII without a property lookup.
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) }
        return scalar.properties.isLowercase
    }

    /// Appends the UTF-8 of `scalars` to `bytes`, so that a `String` is made from them in one
    /// step rather than scalar by scalar.
    static func appendUTF8(_ scalars: some Sequence<Unicode.Scalar>, to bytes: inout [UInt8]) {
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
    }

    /// The text of `scalars`.
    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        appendUTF8(scalars, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text.utf16.count`, counted from the UTF-8 without building the string's UTF-16
    /// breadcrumbs: every scalar is one UTF-16 unit, and one of four UTF-8 bytes is two.
    static func utf16Count(_ text: String) -> Int {
        let counted = text.utf8.withContiguousStorageIfAvailable { utf8 in
            var count = 0
            for byte in utf8 {
                // Continuation bytes (10xxxxxx) start no scalar; a lead byte 11110xxx starts a pair.
                count += (byte & 0xC0 == 0x80 ? 0 : 1) + (byte >= 0xF0 ? 1 : 0)
            }
            return count
        }
        return counted ?? text.utf16.count
    }

    /// The number of whitespace scalars a line starts with.
    static func indentation(_ line: [Unicode.Scalar]) -> Int {
        var count = 0
        while count < line.count, isWhitespace(line[count]) { count += 1 }
        return count
    }

    /// Bullets that start a list item when a space follows them.
    static let bullets: Set<Unicode.Scalar> = [
        "•", "-", "–", "—", "*", "+", "·", "▪", "◦", "●", "○", "■", "□", "‣", "⁃", "►", "▸", "o",
    ]

    /// Where the text of a list item starts (an index into `line`), if `line` is one: a bullet,
    /// `1.`, `1)` or `a)` at `indent`, followed by whitespace.
    static func listItemTextStart(_ line: [Unicode.Scalar], indent: Int) -> Int? {
        guard indent < line.count else { return nil }
        var index = indent
        let first = line[index]
        if bullets.contains(first), indent + 1 == line.count || isWhitespace(line[indent + 1]) {
            index += 1
        } else if ("0"..."9").contains(first) {
            while index < line.count, index - indent < 3, ("0"..."9").contains(line[index]) { index += 1 }
            guard index < line.count, line[index] == "." || line[index] == ")" else { return nil }
            index += 1
        } else if isAlphabetic(first), indent + 1 < line.count, line[indent + 1] == ")" {
            index += 2
        } else {
            return nil
        }
        if index == line.count { return first == "o" ? nil : index }
        guard isWhitespace(line[index]) else { return nil }
        while index < line.count, isWhitespace(line[index]) { index += 1 }
        return index
    }

    /// A line of three or more `-`, `*` or `_` (spaces between allowed): a rule, not text.
    static func isThematicBreak(_ line: [Unicode.Scalar], indent: Int) -> Bool {
        guard indent < line.count else { return false }
        let mark = line[indent]
        guard mark == "-" || mark == "*" || mark == "_" else { return false }
        var count = 0
        for scalar in line[indent...] {
            if scalar == mark {
                count += 1
            } else if !isWhitespace(scalar) {
                return false
            }
        }
        return count >= 3
    }

    /// The level of a setext underline (`===` is 1, `---` is 2), if the line is one.
    static func underlineLevel(_ line: [Unicode.Scalar], indent: Int) -> Int? {
        guard indent <= 3, indent < line.count else { return nil }
        let mark = line[indent]
        guard mark == "=" || mark == "-" else { return nil }
        var count = 0
        var index = indent
        while index < line.count, line[index] == mark {
            count += 1
            index += 1
        }
        while index < line.count, isWhitespace(line[index]) { index += 1 }
        guard index == line.count, count >= (mark == "=" ? 2 : 3) else { return nil }
        return mark == "=" ? 1 : 2
    }

    // MARK: Heading shape

    static let maxHeadingScalars = 100
    static let maxHeadingWords = 12

    /// One line that reads like a heading: at most 12 words and 100 characters, a letter in it,
    /// not starting with a lower-case letter and not ending like a sentence or a clause
    /// (`.` `,` `;` `!` `?`; a final `:` is allowed). Emphasis markers around it do not count.
    static func isHeadingShaped(_ text: String) -> Bool {
        var scalars = 0
        var words = 0
        var inWord = false
        var sawLetter = false
        var last: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            scalars += 1
            if scalars > maxHeadingScalars { return false }
            if isWhitespace(scalar) {
                inWord = false
                continue
            }
            if !inWord {
                words += 1
                if words > maxHeadingWords { return false }
                inWord = true
            }
            if !sawLetter, isAlphabetic(scalar) {
                if isLowercase(scalar) { return false }
                sawLetter = true
            }
            if scalar != "*" && scalar != "_" { last = scalar }
        }
        guard sawLetter, let last else { return false }
        return ![".", ",", ";", "!", "?"].contains(last)
    }

    /// A word, a space and a number of one to three digits, then a `:`, `.`, dash or the end:
    /// "Del 2: Trafik". Such a line is a heading even among other short lines.
    static func isNumberedHeading(_ text: String) -> Bool {
        // The first `maxHeadingScalars` scalars, read one at a time without copying them.
        var iterator = text.unicodeScalars.makeIterator()
        var read = 0
        func next() -> Unicode.Scalar? {
            guard read < maxHeadingScalars else { return nil }
            read += 1
            return iterator.next()
        }
        var current = next()
        while current == "*" || current == "_" { current = next() }
        var wordLength = 0
        while let scalar = current, isAlphabetic(scalar) {
            wordLength += 1
            current = next()
        }
        guard wordLength > 0, current == " " else { return false }
        current = next()
        var digits = 0
        while let scalar = current, ("0"..."9").contains(scalar) {
            digits += 1
            current = next()
        }
        guard digits > 0, digits <= 3 else { return false }
        while current == " " { current = next() }
        guard let scalar = current else { return true }
        return scalar == ":" || scalar == "." || scalar == "-" || scalar == "–" || scalar == "—"
    }

    /// Whether a line has letters and none of them is lower case.
    static func isCapitals(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        var letters = 0
        for scalar in scalars where isAlphabetic(scalar) {
            if isLowercase(scalar) { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// The last scalar that is neither whitespace nor an emphasis marker.
    static func lastMeaningfulScalar(of text: String) -> Unicode.Scalar? {
        text.unicodeScalars.reversed().first { !isWhitespace($0) && $0 != "*" && $0 != "_" }
    }
}

// MARK: - Building blocks line by line

extension TextLayout {
    /// A piece of one line: its scalars, trimmed, and where the first stands.
    struct Piece {
        var line: Int
        var column: Int
        var scalars: ArraySlice<Unicode.Scalar>
    }

    /// Accumulates lines into blocks, closing a block at a blank line or a new item or heading.
    struct Builder {
        let markdown: Bool
        var blocks: [TextBlock] = []
        private var kind: TextBlock.Kind?
        private var pieces: [Piece] = []
        private var openFollowsBlank = true
        private var sawBlank = true
        private var fence: (mark: Unicode.Scalar, count: Int)?
        private var inComment = false

        init(markdown: Bool) {
            self.markdown = markdown
        }

        mutating func add(_ line: [Unicode.Scalar], number: Int) {
            let indent = TextLayout.indentation(line)
            if markdown, skipsMarkdown(line, indent: indent) { return }
            if indent == line.count {
                // A list item stays open: a line indented under it after the blank continues it.
                if !(kind.map(Self.isItem) ?? false) { close() }
                sawBlank = true
                return
            }
            if let level = TextLayout.underlineLevel(line, indent: indent), kind == .paragraph, !sawBlank {
                kind = .heading(level: level)
                close()
                sawBlank = true
                return
            }
            if TextLayout.isThematicBreak(line, indent: indent) {
                close()
                sawBlank = true
                return
            }
            if markdown, indent <= 3, let level = atxLevel(line, indent: indent) {
                close()
                addATXHeading(line, number: number, indent: indent, level: level)
                sawBlank = true
                return
            }
            addText(line, number: number, indent: indent)
            sawBlank = false
        }

        /// A line of text: a quote, a new list item, a continuation, or a paragraph line.
        private mutating func addText(_ line: [Unicode.Scalar], number: Int, indent: Int) {
            if markdown, line[indent] == ">" {
                var start = indent + 1
                if start < line.count, TextLayout.isWhitespace(line[start]) { start += 1 }
                if kind != .quote || sawBlank { open(.quote) }
                append(line, number: number, from: start)
                return
            }
            if let textStart = TextLayout.listItemTextStart(line, indent: indent) {
                open(.listItem(indent: indent))
                append(line, number: number, from: textStart)
                return
            }
            if let kind, case .listItem(let itemIndent) = kind, !sawBlank || indent > itemIndent {
                append(line, number: number, from: indent)
                return
            }
            guard kind == .paragraph || kind == .quote, !sawBlank else {
                open(.paragraph)
                append(line, number: number, from: indent)
                return
            }
            // A line in capitals over ordinary text is a heading set flush against its text.
            if kind == .paragraph, pieces.count == 1, TextLayout.isCapitals(pieces[0].scalars),
                TextLayout.isHeadingShaped(TextLayout.string(pieces[0].scalars)),
                !TextLayout.isCapitals(line[indent...])
            {
                open(.paragraph, followsBlank: false)
            }
            append(line, number: number, from: indent)
        }

        /// Fenced code and HTML comments: skipped, each also ending the block before it.
        private mutating func skipsMarkdown(_ line: [Unicode.Scalar], indent: Int) -> Bool {
            if let fence {
                var count = 0
                var index = indent
                while index < line.count, line[index] == fence.mark {
                    count += 1
                    index += 1
                }
                if count >= fence.count, line[index...].allSatisfy(TextLayout.isWhitespace) { self.fence = nil }
                return true
            }
            if inComment {
                if Self.contains(line[...], "-->") { inComment = false }
                sawBlank = true
                return true
            }
            guard indent < line.count else { return false }
            let mark = line[indent]
            if mark == "`" || mark == "~" {
                var count = 0
                while indent + count < line.count, line[indent + count] == mark { count += 1 }
                if count >= 3 {
                    close()
                    fence = (mark, count)
                    sawBlank = true
                    return true
                }
            }
            if Self.starts(line[indent...], with: "<!--") {
                close()
                inComment = !Self.contains(line[(indent + 4)...], "-->")
                sawBlank = true
                return true
            }
            return false
        }

        private func atxLevel(_ line: [Unicode.Scalar], indent: Int) -> Int? {
            var index = indent
            while index < line.count, line[index] == "#" { index += 1 }
            let level = index - indent
            guard level >= 1, level <= 6 else { return nil }
            guard index == line.count || TextLayout.isWhitespace(line[index]) else { return nil }
            return level
        }

        private mutating func addATXHeading(_ line: [Unicode.Scalar], number: Int, indent: Int, level: Int) {
            var start = indent + level
            while start < line.count, TextLayout.isWhitespace(line[start]) { start += 1 }
            var end = line.count
            while end > start, TextLayout.isWhitespace(line[end - 1]) { end -= 1 }
            // An optional closing run of '#' after a space.
            var hashes = end
            while hashes > start, line[hashes - 1] == "#" { hashes -= 1 }
            if hashes < end, hashes == start || TextLayout.isWhitespace(line[hashes - 1]) {
                end = hashes
                while end > start, TextLayout.isWhitespace(line[end - 1]) { end -= 1 }
            }
            guard end > start else { return }
            kind = .heading(level: level)
            openFollowsBlank = true
            pieces = [Piece(line: number, column: start + 1, scalars: line[start..<end])]
            close()
        }

        private mutating func open(_ newKind: TextBlock.Kind, followsBlank: Bool? = nil) {
            close()
            kind = newKind
            openFollowsBlank = followsBlank ?? sawBlank
        }

        private mutating func append(_ line: [Unicode.Scalar], number: Int, from start: Int) {
            var end = line.count
            while end > start, TextLayout.isWhitespace(line[end - 1]) { end -= 1 }
            guard end > start else { return }
            pieces.append(Piece(line: number, column: start + 1, scalars: line[start..<end]))
        }

        mutating func close() {
            defer {
                kind = nil
                pieces = []
            }
            guard let kind, !pieces.isEmpty else { return }
            var starts: [Span.LineStart] = []
            starts.reserveCapacity(pieces.count)
            var length = 0
            // The text's size is known before it is written: the pieces and a space between each two.
            var byteCount = pieces.count - 1
            for piece in pieces {
                if length > 0 { length += 1 }
                starts.append(
                    Span.LineStart(offset: length, location: SourceLocation(line: piece.line, column: piece.column)))
                length += piece.scalars.count
                for scalar in piece.scalars { byteCount += UTF8.width(scalar) }
            }
            let text = String(unsafeUninitializedCapacity: byteCount) { buffer in
                var index = 0
                for (number, piece) in pieces.enumerated() {
                    if number > 0 {
                        buffer[index] = 0x20
                        index += 1
                    }
                    for scalar in piece.scalars {
                        if scalar.isASCII {
                            buffer[index] = UInt8(truncatingIfNeeded: scalar.value)
                            index += 1
                        } else {
                            UTF8.encode(scalar) { byte in
                                buffer[index] = byte
                                index += 1
                            }
                        }
                    }
                }
                return index
            }
            blocks.append(
                TextBlock(
                    kind: kind, span: Span(text, lineStarts: starts), lineCount: pieces.count,
                    followsBlankLine: openFollowsBlank))
        }

        private static func isItem(_ kind: TextBlock.Kind) -> Bool {
            if case .listItem = kind { return true }
            return false
        }

        private static func starts(_ scalars: ArraySlice<Unicode.Scalar>, with prefix: String) -> Bool {
            scalars.starts(with: prefix.unicodeScalars)
        }

        private static func contains(_ scalars: ArraySlice<Unicode.Scalar>, _ needle: String) -> Bool {
            let pattern = Array(needle.unicodeScalars)
            guard scalars.count >= pattern.count else { return false }
            var index = scalars.startIndex
            while index + pattern.count <= scalars.endIndex {
                if scalars[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
                index += 1
            }
            return false
        }
    }
}

// MARK: - Spans within spans

extension Span {
    /// The part of the text from scalar offset `range.lowerBound`, whose text is `text`, mapped
    /// to the file line by line like the whole.
    func slice(_ text: String, fromScalarOffset start: Int) -> Span {
        guard isVerbatim else { return Span(text, at: location) }
        let length = text.unicodeScalars.count
        var starts = [LineStart(offset: 0, location: location(atScalarOffset: start))]
        for lineStart in lineStarts where lineStart.offset > start && lineStart.offset < start + length {
            starts.append(LineStart(offset: lineStart.offset - start, location: lineStart.location))
        }
        return Span(text, lineStarts: starts)
    }

    /// The part of the text at `range`, trimmed of whitespace, or nil if nothing is left.
    func slice(_ range: Range<String.Index>) -> Span? {
        var lower = range.lowerBound
        var upper = range.upperBound
        let scalars = text.unicodeScalars
        while lower < upper, TextLayout.isWhitespace(scalars[lower]) { lower = scalars.index(after: lower) }
        while upper > lower, TextLayout.isWhitespace(scalars[scalars.index(before: upper)]) {
            upper = scalars.index(before: upper)
        }
        guard lower < upper else { return nil }
        let offset = scalars.distance(from: scalars.startIndex, to: lower)
        return slice(String(scalars[lower..<upper]), fromScalarOffset: offset)
    }

    /// Spans joined into one with `separator` between them, each part still mapped to the file.
    static func joined(_ spans: [Span], separator: String = " ") -> Span? {
        guard let first = spans.first else { return nil }
        guard spans.count > 1 else { return first }
        var text: [UInt8] = []
        var starts: [LineStart] = []
        var length = 0
        let separatorLength = separator.unicodeScalars.count
        for span in spans {
            if length > 0 {
                text += separator.utf8
                length += separatorLength
            }
            let base = length
            if span.isVerbatim {
                starts += span.lineStarts.map { LineStart(offset: base + $0.offset, location: $0.location) }
            } else {
                starts.append(LineStart(offset: base, location: span.location))
            }
            text += span.text.utf8
            length += span.text.unicodeScalars.count
        }
        return Span(String(decoding: text, as: UTF8.self), lineStarts: starts)
    }
}
