@testable import PromiseCheck

/// The layout of text as it was read before lines became UTF-8: line by line over arrays of
/// scalars. Kept for the tests to compare ``TextLayout/blocks(of:format:from:)`` with.
enum TextLayoutScalarReference {
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
            blocks[index].isHeadingShaped = TextLayout.isHeadingShaped(text)
            guard blocks[index].isHeadingShaped else { continue }
            blocks[index].isNumberedHeading = TextLayout.isNumberedHeading(text)
            guard index + 1 < blocks.count else { continue }
            let next = blocks[index + 1]
            let leadsIntoList = blocks[index].endsWithColon && next.isListItem && !next.followsBlankLine
            blocks[index].isHeadingCandidate = !leadsIntoList
        }
        return blocks
    }

    /// The number of whitespace scalars a line starts with.
    static func indentation(_ line: [Unicode.Scalar]) -> Int {
        var count = 0
        while count < line.count, TextLayout.isWhitespace(line[count]) { count += 1 }
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
        if bullets.contains(first), indent + 1 == line.count || TextLayout.isWhitespace(line[indent + 1]) {
            index += 1
        } else if ("0"..."9").contains(first) {
            while index < line.count, index - indent < 3, ("0"..."9").contains(line[index]) { index += 1 }
            guard index < line.count, line[index] == "." || line[index] == ")" else { return nil }
            index += 1
        } else if TextLayout.isAlphabetic(first), indent + 1 < line.count, line[indent + 1] == ")" {
            index += 2
        } else {
            return nil
        }
        if index == line.count { return first == "o" ? nil : index }
        guard TextLayout.isWhitespace(line[index]) else { return nil }
        while index < line.count, TextLayout.isWhitespace(line[index]) { index += 1 }
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
            } else if !TextLayout.isWhitespace(scalar) {
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
        while index < line.count, TextLayout.isWhitespace(line[index]) { index += 1 }
        guard index == line.count, count >= (mark == "=" ? 2 : 3) else { return nil }
        return mark == "=" ? 1 : 2
    }

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
            let indent = TextLayoutScalarReference.indentation(line)
            if markdown, skipsMarkdown(line, indent: indent) { return }
            if indent == line.count {
                // A list item stays open: a line indented under it after the blank continues it.
                if !(kind.map(Self.isItem) ?? false) { close() }
                sawBlank = true
                return
            }
            if let level = TextLayoutScalarReference.underlineLevel(line, indent: indent), kind == .paragraph, !sawBlank
            {
                kind = .heading(level: level)
                close()
                sawBlank = true
                return
            }
            if TextLayoutScalarReference.isThematicBreak(line, indent: indent) {
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
            if let textStart = TextLayoutScalarReference.listItemTextStart(line, indent: indent) {
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
