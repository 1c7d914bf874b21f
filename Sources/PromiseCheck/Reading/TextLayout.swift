import PromiseCheckYAML

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
    /// The length of the text in UTF-16 code units, as regular expressions count it.
    var utf16Count: Int

    /// A block of `span`; `utf16Count` is counted from the text when not given.
    init(kind: Kind, span: Span, lineCount: Int, followsBlankLine: Bool, utf16Count: Int? = nil) {
        self.kind = kind
        self.span = span
        self.lineCount = lineCount
        self.followsBlankLine = followsBlankLine
        self.utf16Count = utf16Count ?? TextLayout.utf16Count(span.text)
    }

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
    static func blocks(of lines: TextLines, format: Document.Format, from firstLine: Int = 1) -> [TextBlock] {
        var blocks = lines.bytes.withUnsafeBufferPointer { buffer in
            var builder = Builder(buffer: buffer, markdown: format == .markdown)
            var index = max(firstLine - 1, 0)
            while index < lines.count {
                builder.add(lines.ranges[index], number: index + 1)
                index += 1
            }
            builder.close()
            return builder.blocks
        }
        // The builder has found which blocks are shaped like headings.
        for index in blocks.indices.dropLast() where blocks[index].isHeadingShaped {
            // The next block's fields read in place, not the block copied; the text read last.
            let leadsIntoList =
                blocks[index + 1].isListItem && !blocks[index + 1].followsBlankLine && blocks[index].endsWithColon
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
            lengths(utf8, from: 0, to: utf8.count).utf16
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

    // MARK: Lines of UTF-8

    /// The scalar of the valid UTF-8 at byte `index`, and the index after it; a sequence is cut
    /// at `end`, so no byte at or beyond `end` is read.
    static func scalar(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (
        scalar: Unicode.Scalar, next: Int
    ) {
        let lead = buffer[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), index + 1) }
        var value: UInt32
        var length: Int
        switch lead {
        case 0xC0..<0xE0: (value, length) = (UInt32(lead & 0x1F), 2)
        case 0xE0..<0xF0: (value, length) = (UInt32(lead & 0x0F), 3)
        default: (value, length) = (UInt32(lead & 0x07), 4)
        }
        let sequenceEnd = min(index + length, end)
        var next = index + 1
        while next < sequenceEnd {
            value = value << 6 | UInt32(buffer[next] & 0x3F)
            next += 1
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", next)
    }

    /// The scalar that ends right before byte `index`, and where it starts (not before `start`).
    static func scalar(_ buffer: UnsafeBufferPointer<UInt8>, before index: Int, from start: Int) -> (
        scalar: Unicode.Scalar, start: Int
    ) {
        var lead = index - 1
        while lead > start, buffer[lead] & 0xC0 == 0x80 { lead -= 1 }
        return (scalar(buffer, at: lead, end: index).scalar, lead)
    }

    /// Whether the scalar at byte `index` is whitespace; ASCII without decoding.
    static func isWhitespace(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        let byte = buffer[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) }
        return isWhitespace(scalar(buffer, at: index, end: end).scalar)
    }

    /// The index of the first scalar from `start` that is not whitespace (or `end`), and the
    /// number of whitespace scalars before it.
    static func skipWhitespace(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (
        end: Int, scalars: Int
    ) {
        var index = start
        var count = 0
        while index < end {
            let (scalar, next) = scalar(buffer, at: index, end: end)
            guard isWhitespace(scalar) else { break }
            index = next
            count += 1
        }
        return (index, count)
    }

    /// The end of the bytes from `start` to `end` without the whitespace scalars at their end.
    static func trimmingWhitespace(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var end = end
        while end > start {
            let (scalar, lead) = scalar(buffer, before: end, from: start)
            guard isWhitespace(scalar) else { break }
            end = lead
        }
        return end
    }

    /// The number of scalars in the valid UTF-8 from `start` to `end`: the bytes that are not
    /// continuation bytes.
    static func scalarCount(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        lengths(buffer, from: start, to: end).scalars
    }

    /// The number of scalars and of UTF-16 code units in the valid UTF-8 from `start` to `end`:
    /// every byte but a continuation byte starts a scalar, and a lead byte of four bytes starts
    /// a scalar of two code units.
    static func lengths(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (
        scalars: Int, utf16: Int
    ) {
        var scalars = 0
        var pairs = 0
        var index = start
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            // Eight bytes at a time: a continuation byte is 10xxxxxx, a four-byte lead 1111xxxx.
            let high: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                index += 8
                if word & high == 0 {
                    scalars += 8
                    continue
                }
                let continuations = word & ~(word << 1) & high
                let leadsOfFour = word & (word << 1) & (word << 2) & (word << 3) & high
                scalars += 8 - continuations.nonzeroBitCount
                pairs += leadsOfFour.nonzeroBitCount
            }
        }
        while index < end {
            let byte = buffer[index]
            scalars += byte & 0xC0 == 0x80 ? 0 : 1
            pairs += byte >= 0xF0 ? 1 : 0
            index += 1
        }
        return (scalars, scalars + pairs)
    }

    /// The scalars of valid UTF-8 from `start` to `end`.
    struct Scalars: Sequence, IteratorProtocol {
        let buffer: UnsafeBufferPointer<UInt8>
        var index: Int
        let end: Int

        mutating func next() -> Unicode.Scalar? {
            guard index < end else { return nil }
            let (scalar, next) = TextLayout.scalar(buffer, at: index, end: end)
            index = next
            return scalar
        }
    }

    /// Where the text of a list item starts (a byte index), if the line from `start` (the end of
    /// its indentation) to `end` is one: a bullet, `1.`, `1)` or `a)`, followed by whitespace.
    static func listItemTextStart(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        let (first, afterFirst) = scalar(buffer, at: start, end: end)
        var index = start
        // The ASCII bullets without a lookup in the set; most lines start with a letter.
        let isBullet =
            first.isASCII ? first == "-" || first == "*" || first == "+" || first == "o" : bullets.contains(first)
        if isBullet, afterFirst == end || isWhitespace(buffer, at: afterFirst, end: end) {
            index = afterFirst
        } else if ("0"..."9").contains(first) {
            while index < end, index - start < 3, (0x30...0x39).contains(buffer[index]) { index += 1 }
            guard index < end, buffer[index] == UInt8(ascii: ".") || buffer[index] == UInt8(ascii: ")") else {
                return nil
            }
            index += 1
        } else if isAlphabetic(first), afterFirst < end, buffer[afterFirst] == UInt8(ascii: ")") {
            index = afterFirst + 1
        } else {
            return nil
        }
        if index == end { return first == "o" ? nil : index }
        guard isWhitespace(buffer, at: index, end: end) else { return nil }
        return skipWhitespace(buffer, from: index, to: end).end
    }

    /// A line of three or more `-`, `*` or `_` (spaces between allowed): a rule, not text.
    static func isThematicBreak(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        let mark = buffer[start]
        guard mark == UInt8(ascii: "-") || mark == UInt8(ascii: "*") || mark == UInt8(ascii: "_") else { return false }
        var count = 0
        var index = start
        while index < end {
            if buffer[index] == mark {
                count += 1
                index += 1
                continue
            }
            let (scalar, next) = scalar(buffer, at: index, end: end)
            guard isWhitespace(scalar) else { return false }
            index = next
        }
        return count >= 3
    }

    /// The level of a setext underline (`===` is 1, `---` is 2), if the line from `start` (after
    /// an indentation of `indent` scalars) to `end` is one.
    static func underlineLevel(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, indent: Int)
        -> Int?
    {
        guard indent <= 3, start < end else { return nil }
        let mark = buffer[start]
        guard mark == UInt8(ascii: "=") || mark == UInt8(ascii: "-") else { return nil }
        var index = start
        while index < end, buffer[index] == mark { index += 1 }
        let count = index - start
        guard skipWhitespace(buffer, from: index, to: end).end == end, count >= (mark == UInt8(ascii: "=") ? 2 : 3)
        else { return nil }
        return mark == UInt8(ascii: "=") ? 1 : 2
    }

    // MARK: Heading shape

    static let maxHeadingScalars = 100
    static let maxHeadingWords = 12

    /// One line that reads like a heading: at most 12 words and 100 characters, a letter in it,
    /// not starting with a lower-case letter and not ending like a sentence or a clause
    /// (`.` `,` `;` `!` `?`; a final `:` is allowed). Emphasis markers around it do not count.
    static func isHeadingShaped(_ text: String) -> Bool {
        isHeadingShaped(text.unicodeScalars)
    }

    /// ``isHeadingShaped(_:)-(String)`` of the text of `text`'s scalars.
    static func isHeadingShaped(_ text: some Sequence<Unicode.Scalar>) -> Bool {
        var scalars = 0
        var words = 0
        var inWord = false
        var sawLetter = false
        var last: Unicode.Scalar?
        for scalar in text {
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
        isNumberedHeading(text.unicodeScalars)
    }

    /// ``isNumberedHeading(_:)-(String)`` of the text of `text`'s scalars.
    static func isNumberedHeading(_ text: some Sequence<Unicode.Scalar>) -> Bool {
        // The first `maxHeadingScalars` scalars, read one at a time without copying them.
        var iterator = text.makeIterator()
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
    /// A piece of one line: its bytes, trimmed, and where the first scalar stands.
    struct Piece {
        var line: Int
        var column: Int
        var bytes: Range<Int>
    }

    /// Accumulates lines into blocks, closing a block at a blank line or a new item or heading.
    ///
    /// Lines are byte ranges of `buffer`, valid UTF-8; a block's text is copied from its pieces.
    struct Builder {
        let buffer: UnsafeBufferPointer<UInt8>
        let markdown: Bool
        var blocks: [TextBlock] = []
        private var kind: TextBlock.Kind?
        private var pieces: [Piece] = []
        private var openFollowsBlank = true
        private var sawBlank = true
        private var fence: (mark: UInt8, count: Int)?
        private var inComment = false
        /// The text of a block of several pieces, as it is put together.
        private var joined: [UInt8] = []

        init(buffer: UnsafeBufferPointer<UInt8>, markdown: Bool) {
            self.buffer = buffer
            self.markdown = markdown
        }

        /// Adds the line `number` of the file, the bytes at `line`.
        mutating func add(_ line: Range<Int>, number: Int) {
            let end = line.upperBound
            // `start` is where the text starts, after `indent` whitespace scalars.
            let (start, indent) = TextLayout.skipWhitespace(buffer, from: line.lowerBound, to: end)
            if markdown, skipsMarkdown(start, end) { return }
            if start == end {
                // A list item stays open: a line indented under it after the blank continues it.
                if !(kind.map(Self.isItem) ?? false) { close() }
                sawBlank = true
                return
            }
            if let level = TextLayout.underlineLevel(buffer, from: start, to: end, indent: indent), kind == .paragraph,
                !sawBlank
            {
                kind = .heading(level: level)
                close()
                sawBlank = true
                return
            }
            if TextLayout.isThematicBreak(buffer, from: start, to: end) {
                close()
                sawBlank = true
                return
            }
            if markdown, indent <= 3, let level = atxLevel(start, end) {
                close()
                addATXHeading(line, number: number, start: start, level: level)
                sawBlank = true
                return
            }
            addText(line, number: number, start: start, indent: indent)
            sawBlank = false
        }

        /// A line of text: a quote, a new list item, a continuation, or a paragraph line.
        private mutating func addText(_ line: Range<Int>, number: Int, start: Int, indent: Int) {
            let end = line.upperBound
            if markdown, buffer[start] == UInt8(ascii: ">") {
                var textStart = start + 1
                if textStart < end, TextLayout.isWhitespace(buffer, at: textStart, end: end) {
                    textStart = TextLayout.scalar(buffer, at: textStart, end: end).next
                }
                if kind != .quote || sawBlank { open(.quote) }
                append(line, number: number, from: textStart)
                return
            }
            if let textStart = TextLayout.listItemTextStart(buffer, from: start, to: end) {
                open(.listItem(indent: indent))
                append(line, number: number, from: textStart)
                return
            }
            if let kind, case .listItem(let itemIndent) = kind, !sawBlank || indent > itemIndent {
                append(line, number: number, from: start)
                return
            }
            guard kind == .paragraph || kind == .quote, !sawBlank else {
                open(.paragraph)
                append(line, number: number, from: start)
                return
            }
            // A line in capitals over ordinary text is a heading set flush against its text.
            if kind == .paragraph, pieces.count == 1, TextLayout.isCapitals(scalars(pieces[0].bytes)),
                TextLayout.isHeadingShaped(scalars(pieces[0].bytes)),
                !TextLayout.isCapitals(scalars(start..<end))
            {
                open(.paragraph, followsBlank: false)
            }
            append(line, number: number, from: start)
        }

        private func scalars(_ bytes: Range<Int>) -> TextLayout.Scalars {
            TextLayout.Scalars(buffer: buffer, index: bytes.lowerBound, end: bytes.upperBound)
        }

        /// Fenced code and HTML comments: skipped, each also ending the block before it.
        private mutating func skipsMarkdown(_ start: Int, _ end: Int) -> Bool {
            if let fence {
                var index = start
                while index < end, buffer[index] == fence.mark { index += 1 }
                if index - start >= fence.count, TextLayout.skipWhitespace(buffer, from: index, to: end).end == end {
                    self.fence = nil
                }
                return true
            }
            if inComment {
                if contains(start, end, "-->") { inComment = false }
                sawBlank = true
                return true
            }
            guard start < end else { return false }
            let mark = buffer[start]
            if mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~") {
                var index = start
                while index < end, buffer[index] == mark { index += 1 }
                if index - start >= 3 {
                    close()
                    fence = (mark, index - start)
                    sawBlank = true
                    return true
                }
            }
            if starts(start, end, with: "<!--") {
                close()
                inComment = !contains(start + 4, end, "-->")
                sawBlank = true
                return true
            }
            return false
        }

        private func atxLevel(_ start: Int, _ end: Int) -> Int? {
            var index = start
            while index < end, buffer[index] == UInt8(ascii: "#") { index += 1 }
            let level = index - start
            guard level >= 1, level <= 6 else { return nil }
            guard index == end || TextLayout.isWhitespace(buffer, at: index, end: end) else { return nil }
            return level
        }

        private mutating func addATXHeading(_ line: Range<Int>, number: Int, start: Int, level: Int) {
            let textStart = TextLayout.skipWhitespace(buffer, from: start + level, to: line.upperBound).end
            var end = TextLayout.trimmingWhitespace(buffer, from: textStart, to: line.upperBound)
            // An optional closing run of '#' after a space.
            var hashes = end
            while hashes > textStart, buffer[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
            if hashes < end,
                hashes == textStart
                    || TextLayout.isWhitespace(TextLayout.scalar(buffer, before: hashes, from: textStart).scalar)
            {
                end = TextLayout.trimmingWhitespace(buffer, from: textStart, to: hashes)
            }
            guard end > textStart else { return }
            kind = .heading(level: level)
            openFollowsBlank = true
            pieces = [piece(line, number: number, textStart..<end)]
            close()
        }

        private mutating func open(_ newKind: TextBlock.Kind, followsBlank: Bool? = nil) {
            close()
            kind = newKind
            openFollowsBlank = followsBlank ?? sawBlank
        }

        private mutating func append(_ line: Range<Int>, number: Int, from start: Int) {
            let end = TextLayout.trimmingWhitespace(buffer, from: start, to: line.upperBound)
            guard end > start else { return }
            pieces.append(piece(line, number: number, start..<end))
        }

        /// The piece of `line` at `bytes`, its column counted in scalars.
        private func piece(_ line: Range<Int>, number: Int, _ bytes: Range<Int>) -> Piece {
            Piece(
                line: number, column: TextLayout.scalarCount(buffer, from: line.lowerBound, to: bytes.lowerBound) + 1,
                bytes: bytes)
        }

        mutating func close() {
            defer {
                kind = nil
                pieces.removeAll(keepingCapacity: true)
            }
            guard let kind, let first = pieces.first else { return }
            // A block of one line stands verbatim on it: its one line start is implied, not
            // stored (see ``Span/init(_:at:isVerbatim:)``).
            var starts: [Span.LineStart] = []
            if pieces.count > 1 { starts.reserveCapacity(pieces.count) }
            var length = 0
            // The pieces and a space between each two.
            var byteCount = pieces.count - 1
            var utf16Count = pieces.count - 1
            for piece in pieces {
                if length > 0 { length += 1 }
                if pieces.count > 1 {
                    let location = SourceLocation(line: piece.line, column: piece.column)
                    starts.append(Span.LineStart(offset: length, location: location))
                }
                let lengths = TextLayout.lengths(buffer, from: piece.bytes.lowerBound, to: piece.bytes.upperBound)
                length += lengths.scalars
                utf16Count += lengths.utf16
                byteCount += piece.bytes.count
            }
            // Pieces of valid UTF-8 cut at scalar boundaries, joined by spaces: valid UTF-8 that
            // need not be validated again.
            let text: String
            let span: Span
            if pieces.count == 1 {
                text = String(validUTF8: UnsafeBufferPointer(rebasing: buffer[first.bytes]))
                span = Span(text, at: SourceLocation(line: first.line, column: first.column), isVerbatim: true)
            } else {
                joined.removeAll(keepingCapacity: true)
                joined.reserveCapacity(byteCount)
                for piece in pieces {
                    if !joined.isEmpty { joined.append(0x20) }
                    joined += UnsafeBufferPointer(rebasing: buffer[piece.bytes])
                }
                text = joined.withUnsafeBufferPointer { String(validUTF8: $0) }
                span = Span(text, lineStarts: starts)
            }
            var block = TextBlock(
                kind: kind, span: span, lineCount: pieces.count,
                followsBlankLine: openFollowsBlank, utf16Count: utf16Count)
            // More scalars than a heading has: not shaped like one, without reading it again.
            if kind == .paragraph, pieces.count == 1, length <= TextLayout.maxHeadingScalars {
                block.isHeadingShaped = TextLayout.isHeadingShaped(scalars(pieces[0].bytes))
                if block.isHeadingShaped {
                    block.isNumberedHeading = TextLayout.isNumberedHeading(scalars(pieces[0].bytes))
                }
            }
            blocks.append(consume block)
        }

        private static func isItem(_ kind: TextBlock.Kind) -> Bool {
            if case .listItem = kind { return true }
            return false
        }

        /// Whether the bytes from `start` to `end` start with the ASCII `prefix`.
        private func starts(_ start: Int, _ end: Int, with prefix: StaticString) -> Bool {
            guard end - start >= prefix.utf8CodeUnitCount else { return false }
            for offset in 0..<prefix.utf8CodeUnitCount where buffer[start + offset] != prefix.utf8Start[offset] {
                return false
            }
            return true
        }

        /// Whether the bytes from `start` to `end` hold the ASCII `needle`.
        private func contains(_ start: Int, _ end: Int, _ needle: StaticString) -> Bool {
            var index = start
            while end - index >= needle.utf8CodeUnitCount {
                if starts(index, end, with: needle) { return true }
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
    ///
    /// A part that stands on one line is verbatim there, its one line start implied rather than
    /// stored: most parts are, and an array each would cost an allocation.
    func slice(_ text: String, fromScalarOffset start: Int) -> Span {
        guard isVerbatim else { return Span(text, at: location) }
        let first = location(atScalarOffset: start)
        // The first line start after `start` (line starts ascend): only a part reaching it spans lines.
        var index = 0
        while index < lineStartCount, lineStart(at: index).offset <= start { index += 1 }
        guard index < lineStartCount else { return Span(text, at: first, isVerbatim: true) }
        let end = start + text.unicodeScalars.count
        guard lineStart(at: index).offset < end else { return Span(text, at: first, isVerbatim: true) }
        var starts = [LineStart(offset: 0, location: first)]
        while index < lineStartCount, lineStart(at: index).offset < end {
            let lineStart = lineStart(at: index)
            starts.append(LineStart(offset: lineStart.offset - start, location: lineStart.location))
            index += 1
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
                for index in 0..<span.lineStartCount {
                    let start = span.lineStart(at: index)
                    starts.append(LineStart(offset: base + start.offset, location: start.location))
                }
            } else {
                starts.append(LineStart(offset: base, location: span.location))
            }
            text += span.text.utf8
            length += span.text.unicodeScalars.count
        }
        return Span(String(decoding: text, as: UTF8.self), lineStarts: starts)
    }
}
