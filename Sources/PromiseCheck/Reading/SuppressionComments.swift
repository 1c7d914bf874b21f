import PromiseCheckYAML

/// Finds `promisecheck: ignore …` comments in a file and works out which lines each covers.
///
/// The comment syntax is PromiseCheck's own (`promisecheck:`, `ignore`, `ignore-file`, a dash
/// before the reason) and the same whatever language the promise is written in; the readers
/// only say where comments may stand and what an item of their format is.
enum SuppressionComments {
    static let keywordText = "promisecheck:"
    static let keyword = Array(keywordText.unicodeScalars)

    /// A comment as found, before its scope is known.
    struct Directive: Equatable {
        var isFileWide: Bool
        var rules: [Suppression.RuleReference]
        var reason: String?
        /// Where the comment starts (its `#` or `<!--`).
        var location: SourceLocation
        /// Whether the comment stands alone on its line; otherwise it ends a line of content.
        var isOwnLine: Bool
    }

    // MARK: Parsing one comment

    /// The directive in a comment's text, if it is one of ours.
    ///
    /// - Parameters:
    ///   - body: the comment's text after its opener (`#`, `<!--`) and before any closer (`-->`).
    ///   - column: the column of `body`'s first scalar.
    ///   - start: where the comment itself starts.
    /// - Returns: nil when the comment is not a `promisecheck:` comment, or is malformed (then
    ///   `log` gets a warning saying what is wrong).
    static func parse(
        _ body: ArraySlice<Unicode.Scalar>, line: Int, column: Int, start: SourceLocation, isOwnLine: Bool,
        path: String, log: DiagnosticLog
    ) -> Directive? {
        var index = body.startIndex
        func skipSpaces() {
            while index < body.endIndex, TextLayout.isWhitespace(body[index]) { index += 1 }
        }
        func location(_ position: Int) -> SourceLocation {
            SourceLocation(line: line, column: column + position - body.startIndex)
        }
        skipSpaces()
        guard body[index...].starts(with: keyword) else { return nil }
        index += keyword.count
        skipSpaces()
        let wordStart = index
        while index < body.endIndex, body[index].properties.isAlphabetic || body[index] == "-" { index += 1 }
        let word = String(String.UnicodeScalarView(body[wordStart..<index]))
        let directives = ["ignore", "ignore-file"]
        guard directives.contains(word) else {
            let found = word.isEmpty ? "nothing" : "'\(word)'"
            log.warning(
                "unknown suppression comment: expected 'ignore' or 'ignore-file' after 'promisecheck:', found \(found)"
                    + Suggestion.phrase(for: word, in: directives),
                path: path, at: location(wordStart), code: "promise.suppression")
            return nil
        }
        var rules: [Suppression.RuleReference] = []
        skipSpaces()
        while index < body.endIndex, isRuleIDStart(body[index]) {
            let idStart = index
            while index < body.endIndex, isRuleIDScalar(body[index]) { index += 1 }
            let id = String(String.UnicodeScalarView(body[idStart..<index]))
            rules.append(Suppression.RuleReference(id: id, location: location(idStart)))
            skipSpaces()
            guard index < body.endIndex, body[index] == "," else { break }
            index += 1
            skipSpaces()
        }
        guard !rules.isEmpty else {
            log.warning(
                "'promisecheck: \(word)' needs the id of the rule to suppress, e.g. 'promisecheck: \(word) RULE-ID — reason'",
                path: path, at: location(index), code: "promise.suppression")
            return nil
        }
        var reason: String?
        if index < body.endIndex {
            let dash = body[index]
            guard dash == "-" || dash == "—" || dash == "–" else {
                let rest = String(String.UnicodeScalarView(body[index...]))
                log.warning(
                    "expected a dash and the reason after the rule ids ('— reason', '-- reason' or '- reason'), "
                        + "found '\(rest.count > 30 ? String(rest.prefix(30)) + "…" : rest)'",
                    path: path, at: location(index), code: "promise.suppression")
                return nil
            }
            index += 1
            if dash == "-" { while index < body.endIndex, body[index] == "-" { index += 1 } }
            skipSpaces()
            var end = body.endIndex
            while end > index, TextLayout.isWhitespace(body[end - 1]) { end -= 1 }
            if end > index { reason = String(String.UnicodeScalarView(body[index..<end])) }
        }
        return Directive(
            isFileWide: word == "ignore-file", rules: rules, reason: reason, location: start, isOwnLine: isOwnLine)
    }

    static func isRuleIDStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }

    static func isRuleIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        isRuleIDStart(scalar) || scalar == "_" || scalar == "-" || scalar == "."
    }

    static func contains(_ line: [Unicode.Scalar], _ needle: [Unicode.Scalar], from start: Int = 0) -> Int? {
        guard line.count >= needle.count, start <= line.count - needle.count else { return nil }
        var index = start
        while index <= line.count - needle.count {
            if line[index] == needle[0], line[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    // MARK: Scopes

    /// The suppressions of `directives`, given the items of the file as line ranges in document
    /// order (an outer item before the items inside it).
    ///
    /// A comment on its own line covers the next item that starts below it; a comment at the end
    /// of a line covers the innermost item that starts on that line, else the innermost one that
    /// holds the line, else the line itself.
    static func suppressions(_ directives: [Directive], items: [ClosedRange<Int>]) -> [Suppression] {
        directives.map { directive in
            let line = directive.location.line
            let scope: Suppression.Scope
            if directive.isFileWide {
                scope = .file
            } else if directive.isOwnLine {
                let next = firstItem(startingAfter: line, in: items)
                scope = .lines(next ?? (line + 1)...(line + 1))
            } else {
                let onLine = items.last { $0.lowerBound == line } ?? items.last { $0.contains(line) }
                scope = .lines(onLine ?? line...line)
            }
            return Suppression(
                rules: directive.rules, reason: directive.reason, scope: scope, location: directive.location)
        }
    }

    /// The first item (outermost first) starting below `line`; `items` are sorted by start.
    private static func firstItem(startingAfter line: Int, in items: [ClosedRange<Int>]) -> ClosedRange<Int>? {
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) / 2
            if items[middle].lowerBound > line { high = middle } else { low = middle + 1 }
        }
        return low < items.count ? items[low] : nil
    }
}

// MARK: - YAML promise files

extension SuppressionComments {
    /// The `# promisecheck: …` comments of a YAML file and the lines each covers.
    ///
    /// A `#` starts a comment at the start of a line or after a space, outside quoted and block
    /// scalars (the node tree says where those are). Items are mapping entries (key and value)
    /// and sequence items.
    static func yaml(root: Node, source: SourceLines, path: String, log: DiagnosticLog) -> [Suppression] {
        // Most files have no such comment: one search of the whole text says so.
        guard source.contains(keywordText) else { return [] }
        var candidates: [Int] = []
        for number in 1...max(source.count, 1) {
            guard let line = source.line(number), contains(line, keyword) != nil else { continue }
            candidates.append(number)
        }
        guard !candidates.isEmpty else { return [] }
        var outline = YAMLOutline(source: source)
        outline.visit(root)
        let strings = outline.strings.sorted { $0.lowerBound < $1.lowerBound }
        var directives: [Directive] = []
        for number in candidates {
            guard let line = source.line(number) else { continue }
            var index = 0
            while index < line.count {
                defer { index += 1 }
                guard line[index] == "#", index == 0 || line[index - 1] == " " || line[index - 1] == "\t" else {
                    continue
                }
                let position = Mark(line: number, column: index + 1)
                if isInside(position, strings) { continue }
                let isOwnLine = line[..<index].allSatisfy { $0 == " " || $0 == "\t" }
                if let directive = parse(
                    line[(index + 1)...], line: number, column: index + 2,
                    start: SourceLocation(line: number, column: index + 1), isOwnLine: isOwnLine, path: path, log: log)
                {
                    directives.append(directive)
                }
                break
            }
        }
        let items = outline.items.enumerated().sorted {
            ($0.element.lowerBound, $0.offset) < ($1.element.lowerBound, $1.offset)
        }
        .map(\.element)
        return suppressions(directives, items: items)
    }

    /// Whether `mark` falls inside one of `ranges` (sorted by start, not overlapping).
    private static func isInside(_ mark: Mark, _ ranges: [Range<Mark>]) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound <= mark { low = middle + 1 } else { high = middle }
        }
        return low > 0 && ranges[low - 1].contains(mark)
    }

    /// The items of a YAML tree as line ranges, and where its quoted and block scalars stand.
    struct YAMLOutline {
        let source: SourceLines
        var items: [ClosedRange<Int>] = []
        var strings: [Range<Mark>] = []

        /// Records the items under `node`; returns the node's last line with content.
        @discardableResult
        mutating func visit(_ node: Node) -> Int {
            switch node.content {
            case .scalar(_, let style):
                if style != .plain, node.mark < node.endMark { strings.append(node.mark..<node.endMark) }
                return lastLine(of: node)
            case .sequence(let children):
                var last = node.mark.line
                for child in children {
                    let index = items.count
                    items.append(child.mark.line...child.mark.line)
                    let end = max(child.mark.line, visit(child))
                    items[index] = child.mark.line...end
                    last = max(last, end)
                }
                return children.isEmpty ? node.endMark.line : last
            case .mapping(let pairs):
                var last = node.mark.line
                for pair in pairs {
                    let index = items.count
                    items.append(pair.key.mark.line...pair.key.mark.line)
                    let end = max(pair.key.mark.line, visit(pair.key), visit(pair.value))
                    items[index] = pair.key.mark.line...end
                    last = max(last, end)
                }
                return pairs.isEmpty ? node.endMark.line : last
            }
        }

        /// A scalar's last line: its end, less a final line break and trailing blank lines.
        func lastLine(of node: Node) -> Int {
            var last = node.endMark.line
            if node.endMark.column == 1, last > node.mark.line { last -= 1 }
            while last > node.mark.line, let line = source.line(last), SourceLines.isBlank(line) { last -= 1 }
            return last
        }
    }
}

// MARK: - Published text and Markdown

extension SuppressionComments {
    /// Finds the comments of a text or Markdown file from `firstLine` on and takes them out of
    /// `lines`, so the text a check reads is the promise's own.
    ///
    /// `<!-- promisecheck: … -->` may stand on its own line or end a line; in plain text
    /// `# promisecheck: …` may also stand on its own line. A comment at the end of a line is
    /// replaced by spaces (columns of the rest stay as they are); a comment line of plain text
    /// becomes blank (Markdown skips comment lines itself).
    static func text(
        _ textLines: inout TextLines, from firstLine: Int, format: Document.Format, path: String,
        log: DiagnosticLog
    ) -> [Directive] {
        let opener = Array("<!--".unicodeScalars)
        let closer = Array("-->".unicodeScalars)
        var directives: [Directive] = []
        for index in max(firstLine - 1, 0)..<textLines.count {
            // The keyword is ASCII: its bytes stand in the line's UTF-8 only where its scalars do.
            guard containsKeyword(textLines.bytes[textLines.ranges[index]]) else { continue }
            let line = textLines.scalars(index)
            var edited = line
            defer { if edited != line { textLines.replace(index, with: edited) } }
            let number = index + 1
            let indent = TextLayout.indentation(line)
            if format == .text, indent < line.count, line[indent] == "#",
                line[(indent + 1)...].drop(while: TextLayout.isWhitespace).starts(with: keyword)
            {
                if let directive = parse(
                    line[(indent + 1)...], line: number, column: indent + 2,
                    start: SourceLocation(line: number, column: indent + 1), isOwnLine: true, path: path, log: log)
                {
                    directives.append(directive)
                    edited = []
                }
                continue
            }
            var searchFrom = 0
            while let open = contains(line, opener, from: searchFrom) {
                guard let close = contains(line, closer, from: open + opener.count) else { break }
                searchFrom = close + closer.count
                let body = line[(open + opener.count)..<close]
                guard contains(Array(body), keyword) != nil else { continue }
                let isOwnLine =
                    open == indent && line[searchFrom...].allSatisfy(TextLayout.isWhitespace)
                guard
                    let directive = parse(
                        body, line: number, column: open + opener.count + 1,
                        start: SourceLocation(line: number, column: open + 1), isOwnLine: isOwnLine, path: path,
                        log: log)
                else { continue }
                directives.append(directive)
                if isOwnLine {
                    if format == .text { edited = [] }
                } else {
                    for position in open..<searchFrom { edited[position] = " " }
                }
            }
        }
        return directives
    }

    /// Whether `bytes` hold the UTF-8 of ``keyword``.
    static func containsKeyword(_ bytes: ArraySlice<UInt8>) -> Bool {
        SourceLines.bytes(bytes, contain: keywordBytes)
    }

    private static let keywordBytes = Array(keywordText.utf8)

    /// The suppressions of a text file's comments: its items are its blocks (paragraphs, list
    /// items and headings).
    static func text(_ directives: [Directive], blocks: [TextBlock]) -> [Suppression] {
        guard !directives.isEmpty else { return [] }
        let items = blocks.map { block -> ClosedRange<Int> in
            let first = block.span.lineStarts.first?.location.line ?? block.location.line
            let last = block.span.lineStarts.last?.location.line ?? first
            return first...max(first, last)
        }
        return suppressions(directives, items: items)
    }
}
