import PromiseCheckYAML

/// Reads promise files in PromiseCheck's YAML format (see docs/promise-format.md).
///
/// Each key maps onto the generic ``Document``: text-bearing keys become sections whose role
/// is the key (`situation`, `commitments`, `follow_up`, …), so a pack's `section:` scopes work
/// the same on YAML files and on published text.
public struct PromiseFileReader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// The format versions this reader understands.
    public static let supportedVersions = [1]

    static let topLevelKeys = [
        "promise", "title", "area", "parties", "status", "period", "introduction", "situation", "priorities",
        "commitments", "follow_up", "evaluation", "expected_effect", "revision", "signatories", "other",
    ]
    /// The section roles promise files give their text-bearing keys.
    public static let sectionRoles = [
        "introduction", "situation", "priorities", "commitments", "follow_up", "evaluation", "expected_effect",
        "revision",
    ]
    static let commitmentKeys = ["title", "by", "actions", "target", "when"]
    static let signatoryKeys = ["name", "role", "party", "date", "place"]
    static let statuses = ["draft", "signed"]

    public struct Result: Sendable {
        /// The document, unless an error made the file unusable.
        public var document: Document?
        public var diagnostics: [Diagnostic]
    }

    /// Reads the promise file at `path`.
    public func read(path: String) -> Result {
        let log = DiagnosticLog()
        guard let bytes = SourceFile.bytes(at: path, log: log, maxBytes: limits.maxInputBytes) else {
            return Result(document: nil, diagnostics: log.diagnostics)
        }
        return read(bytes, path: path, log: log)
    }

    /// Reads a promise file's contents; `path` is used in locations.
    public func read(_ bytes: [UInt8], path: String) -> Result {
        read(bytes, path: path, log: DiagnosticLog())
    }

    private func read(_ bytes: [UInt8], path: String, log: DiagnosticLog) -> Result {
        guard let root = SourceFile.yaml(bytes, path: path, log: log, limits: limits) else {
            return Result(document: nil, diagnostics: log.diagnostics)
        }
        // The parser took the bytes, so they are valid UTF-8.
        let source = SourceLines(validUTF8: bytes)
        var document = document(from: root, path: path, source: source, log: log, requireVersion: true)
        document?.suppressions = SuppressionComments.yaml(root: root, source: source, path: path, log: log)
        return Result(document: log.hasErrors ? nil : document, diagnostics: log.diagnostics)
    }

    /// A document from a promise fragment in a pack's examples; no version key is needed.
    public func document(fromExample node: Node, path: String) -> Result {
        let log = DiagnosticLog()
        let document = document(from: node, path: path, source: nil, log: log, requireVersion: false)
        return Result(document: log.hasErrors ? nil : document, diagnostics: log.diagnostics)
    }

    private func document(from root: Node, path: String, source: SourceLines?, log: DiagnosticLog, requireVersion: Bool)
        -> Document?
    {
        let context = Context(reader: NodeReader(path: path, log: log, codePrefix: "promise"), source: source)
        let reader = context.reader
        guard let pairs = reader.mapping(root, "a promise file") else { return nil }
        reader.checkKeys(pairs, known: Self.topLevelKeys, in: "the promise")
        if let versionNode = root["promise"] {
            if let version = reader.integer(versionNode, "'promise' (the format version)"),
                !Self.supportedVersions.contains(version)
            {
                reader.error(
                    "unsupported promise format version \(version); this PromiseCheck reads version 1", at: versionNode,
                    code: "version")
            }
        } else if requireVersion {
            reader.error("missing 'promise: 1' (the format version) at the top of the file", at: root, code: "version")
        }

        var document = Document(path: path, format: .yaml)
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            let value = pair.value
            let keyLocation = SourceLocation(pair.key.mark)
            switch key {
            case "title": document.title = context.span(value, "'title'")
            case "area": document.area = context.span(value, "'area'")
            case "parties": document.parties = context.spans(value, "'parties'")
            case "status": document.status = context.status(value)
            case "period": document.period = context.period(value)
            case "introduction", "evaluation", "expected_effect", "revision":
                if let span = context.span(value, "'\(key)'") {
                    document.sections.append(Section(role: key, blocks: [span], location: keyLocation))
                }
            case "other":
                document.sections += readOther(value, context: context)
            case "priorities":
                document.sections.append(
                    Section(role: key, blocks: context.spans(value, "'priorities'"), location: keyLocation))
            case "situation":
                document.sections.append(
                    Section(
                        role: key, blocks: context.textAndLists(value, .situation, in: "'situation'"),
                        location: keyLocation))
            case "follow_up":
                document.sections.append(
                    Section(
                        role: key,
                        blocks: context.textAndLists(value, .followUp, in: "'follow_up'"),
                        location: keyLocation))
            case "commitments":
                document.commitments = readCommitments(value, context: context)
                document.sections.append(
                    Section(role: key, blocks: document.commitments.flatMap(\.spans), location: keyLocation))
            case "signatories":
                document.signatories = context.signatories(value)
            default:
                break
            }
        }
        if document.status?.text == "draft" {
            document.notes.append("marked as a draft: not yet signed")
        }
        return document
    }

    /// Text without a role of its own (`other:`), kept so it is checked with the rest.
    private func readOther(_ node: Node, context: Context) -> [Section] {
        guard let items = context.list(node, "'other'") else { return [] }
        var sections: [Section] = []
        for item in items {
            let location = SourceLocation(item.mark)
            if item.scalar != nil {
                sections.append(
                    Section(role: nil, blocks: context.spans(item, "an item of 'other'"), location: location))
                continue
            }
            guard let pairs = context.reader.mapping(item, "an item of 'other'") else { continue }
            context.reader.checkKeys(pairs, known: ["heading", "text"], in: "an item of 'other'")
            let heading = item["heading"].flatMap { context.span($0, "'heading' in 'other'") }
            let blocks = item["text"].map { context.spans($0, "'text' in 'other'") } ?? []
            sections.append(Section(role: nil, heading: heading, blocks: blocks, location: location))
        }
        return sections
    }

    private func readCommitments(_ node: Node, context: Context) -> [Commitment] {
        guard let items = context.list(node, "'commitments'") else { return [] }
        var commitments: [Commitment] = []
        for item in items {
            let location = SourceLocation(item.mark)
            if item.scalar != nil, let span = context.span(item, "a commitment") {
                commitments.append(Commitment(title: nil, parties: [], spans: [span], location: location))
                continue
            }
            guard let pairs = context.reader.mapping(item, "a commitment") else { continue }
            context.reader.checkKeys(pairs, known: Self.commitmentKeys, in: "a commitment")
            var title: Span?
            var parties: [Span] = []
            var spans: [Span] = []
            // Room for a span per scalar and per list item, so the array does not regrow.
            spans.reserveCapacity(pairs.reduce(0) { $0 + ($1.value.sequence?.count ?? 1) })
            for pair in pairs {
                switch pair.key.scalar {
                case "title":
                    title = context.span(pair.value, "'title' of a commitment")
                    if let title { spans.append(title) }
                case "by":
                    // Who acts is part of what the commitment says, so checks see it too.
                    parties = context.spans(pair.value, "'by' of a commitment")
                    spans += parties
                case "actions": spans += context.spans(pair.value, "'actions' of a commitment")
                case "target", "when":
                    if let span = context.span(pair.value, "'\(pair.key.scalar ?? "")' of a commitment") {
                        spans.append(span)
                    }
                default: break
                }
            }
            commitments.append(
                Commitment(title: title, parties: parties, spans: spans, location: title?.location ?? location))
        }
        return commitments
    }

}

extension PromiseFileReader {
    /// The keys of a value that is text or a mapping of `text`, other scalars and lists.
    struct TextAndLists {
        let scalars: [String]
        let lists: [String]
        /// Every key the mapping may hold; made once, not for every file.
        let known: [String]

        init(scalars: [String] = [], lists: [String]) {
            self.scalars = scalars
            self.lists = lists
            known = ["text"] + scalars + lists
        }

        static let situation = TextAndLists(lists: ["sources"])
        static let followUp = TextAndLists(scalars: ["frequency"], lists: ["channels"])
    }

    /// Turns scalar nodes into spans with exact positions.
    ///
    /// Shared with the Markdown reader, whose front matter has the same metadata keys.
    struct Context {
        let reader: NodeReader
        let source: SourceLines?

        /// `status`: draft or signed, else an error with a suggestion.
        func status(_ node: Node) -> Span? {
            guard let status = span(node, "'status'") else { return nil }
            guard PromiseFileReader.statuses.contains(status.text) else {
                reader.error(
                    "'status' must be draft or signed, found '\(status.text)'\(Suggestion.phrase(for: status.text, in: PromiseFileReader.statuses))",
                    at: node, code: "status")
                return nil
            }
            return status
        }

        /// `period`: a mapping of `from`, `to` and `text`, or free text.
        func period(_ node: Node) -> Period? {
            let location = SourceLocation(node.mark)
            if node.mapping != nil {
                guard let pairs = reader.mapping(node, "'period'") else { return nil }
                reader.checkKeys(pairs, known: ["from", "to", "text"], in: "'period'")
                var period = Period(location: location)
                if let from = node["from"] { period.from = span(from, "'period.from'") }
                if let to = node["to"] { period.to = span(to, "'period.to'") }
                if let text = node["text"] { period.text = span(text, "'period.text'") }
                return period
            }
            guard let text = span(node, "'period'") else { return nil }
            return Period(text: text, location: location)
        }

        /// `signatories`: a list of mappings of `name`, `role`, `party`, `date` and `place`.
        func signatories(_ node: Node) -> [Signatory] {
            guard let items = list(node, "'signatories'") else { return [] }
            var signatories: [Signatory] = []
            for item in items {
                guard let pairs = reader.mapping(item, "a signatory") else { continue }
                reader.checkKeys(pairs, known: PromiseFileReader.signatoryKeys, in: "a signatory")
                var signatory = Signatory(location: SourceLocation(item.mark))
                for pair in pairs {
                    let key = pair.key.scalar ?? ""
                    guard PromiseFileReader.signatoryKeys.contains(key) else { continue }
                    let span = span(pair.value, "'\(key)' of a signatory")
                    switch key {
                    case "name": signatory.name = span
                    case "role": signatory.role = span
                    case "party": signatory.party = span
                    case "date": signatory.date = span
                    default: signatory.place = span
                    }
                }
                signatories.append(signatory)
            }
            return signatories
        }

        /// A string value as a span; a null value is "not given" and yields nil without an error.
        ///
        /// `what` (here and below) names the value in messages and is only built for one.
        func span(_ node: Node, _ what: @autoclosure () -> String) -> Span? {
            if node.isNull { return nil }
            // The text and its style in one look; the reader only says what else was found.
            guard case .scalar(let text, let style) = node.content else {
                _ = reader.string(node, what())
                return nil
            }
            return Self.span(text, style: style, node: node, source: source)
        }

        /// A list of strings (or one string) as spans.
        func spans(_ node: Node, _ what: @autoclosure () -> String) -> [Span] {
            if node.isNull { return [] }
            if node.scalar != nil { return span(node, what()).map { [$0] } ?? [] }
            guard let items = list(node, what()) else { return [] }
            // Made at its size: `compactMap` would grow the array from one item.
            var spans: [Span] = []
            spans.reserveCapacity(items.count)
            for item in items {
                if let span = span(item, "each item of \(what())") { spans.append(span) }
            }
            return spans
        }

        func list(_ node: Node, _ what: @autoclosure () -> String) -> [Node]? {
            if node.isNull { return [] }
            if let items = node.sequence { return items }
            reader.error("\(what()) must be a list, found \(reader.describe(node))", at: node, code: "type")
            return nil
        }

        /// A string, or a mapping with `text`, some scalar keys and some list keys.
        func textAndLists(_ node: Node, _ shape: TextAndLists, in what: String) -> [Span] {
            if node.scalar != nil { return span(node, what).map { [$0] } ?? [] }
            guard let pairs = reader.mapping(node, what) else { return [] }
            reader.checkKeys(pairs, known: shape.known, in: what)
            var spans: [Span] = []
            for pair in pairs {
                guard let key = pair.key.scalar else { continue }
                if key == "text" || shape.scalars.contains(key) {
                    if let span = span(pair.value, "'\(key)' in \(what)") { spans.append(span) }
                } else if shape.lists.contains(key) {
                    spans += self.spans(pair.value, "'\(key)' in \(what)")
                }
            }
            return spans
        }

        static func span(_ text: String, style: ScalarStyle, node: Node, source: SourceLines?) -> Span {
            let location = SourceLocation(node.mark)
            let singleLine = node.mark.line == node.endMark.line
            switch style {
            case .plain where singleLine:
                return Span(text, at: location, isVerbatim: true)
            case .singleQuoted where singleLine && !text.contains("'"):
                return Span(
                    text, at: SourceLocation(line: location.line, column: location.column + 1), isVerbatim: true)
            case .literal, .folded:
                if text.isEmpty { return Span(text, at: location) }
                if let source, let rebuilt = blockSpan(node: node, folded: style == .folded, source: source) {
                    return rebuilt
                }
            case .doubleQuoted where singleLine:
                // Without escapes the value stands between the quotes as written.
                if let source, let line = source.line(location.line),
                    location.column + text.unicodeScalars.count <= line.count,
                    SourceLines.string(line[location.column..<(location.column + text.unicodeScalars.count)]) == text
                {
                    return Span(
                        text, at: SourceLocation(line: location.line, column: location.column + 1), isVerbatim: true)
                }
            case .plain:
                if let source, let rebuilt = plainSpan(node: node, source: source) { return rebuilt }
            default:
                break
            }
            return Span(text, at: location)
        }

        /// A block scalar rebuilt from its source lines, each line mapped to its place.
        ///
        /// Works on the lines' UTF-8: indentation is spaces, one byte and one scalar each, and
        /// offsets in the text count scalars. ``blockSpanByScalars(node:folded:source:)`` is
        /// the same on decoded lines, kept for the tests to compare.
        static func blockSpan(node: Node, folded: Bool, source: SourceLines) -> Span? {
            var lineNumber = node.mark.line + 1
            var indent: Int?
            // Content is indented more than the line that holds the key and the indicator.
            let ownerIndent = source.lineBytes(node.mark.line).map(SourceLines.indentation) ?? 0
            var text: [UInt8] = []
            var scalarCount = 0
            var starts: [Span.LineStart] = []
            // Room for the lines up to the node's end, so neither array regrows line by line.
            var lineCount = 0
            var byteCount = 0
            while lineNumber + lineCount <= node.endMark.line, let line = source.lineBytes(lineNumber + lineCount) {
                byteCount += line.count + 1
                lineCount += 1
            }
            text.reserveCapacity(byteCount)
            starts.reserveCapacity(lineCount)
            var pendingBreak = false
            while let line = source.lineBytes(lineNumber) {
                let (lineIndent, isBlank) = Self.indentationAndBlankness(line)
                if isBlank {
                    if !text.isEmpty { pendingBreak = true }
                    lineNumber += 1
                    continue
                }
                if let indent, lineIndent < indent { break }
                if indent == nil {
                    guard lineIndent > ownerIndent || node.mark.column == 1 else { break }
                    indent = lineIndent
                }
                let content = line.dropFirst(indent ?? 0)
                if !text.isEmpty {
                    text.append(pendingBreak ? UInt8(ascii: "\n") : (folded ? UInt8(ascii: " ") : UInt8(ascii: "\n")))
                    scalarCount += 1
                }
                pendingBreak = false
                starts.append(
                    Span.LineStart(
                        offset: scalarCount, location: SourceLocation(line: lineNumber, column: (indent ?? 0) + 1)))
                text += content
                scalarCount += SourceLines.scalarCount(content)
                lineNumber += 1
            }
            guard !starts.isEmpty else { return nil }
            // Lines of valid UTF-8 cut at ASCII breaks and spaces, joined by ASCII: still valid.
            return Span(text.withUnsafeBufferPointer { String(validUTF8: $0) }, lineStarts: starts)
        }

        /// The spaces that start `line` (``SourceLines/indentation(_:)-([UInt8])``) and whether only
        /// spaces and tabs follow them (``SourceLines/isBlank(_:)-([UInt8])``), in one pass.
        static func indentationAndBlankness(_ line: ArraySlice<UInt8>) -> (indentation: Int, isBlank: Bool) {
            line.withUnsafeBufferPointer { bytes in
                var index = 0
                while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
                let indentation = index
                while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                    index += 1
                }
                return (indentation, index == bytes.count)
            }
        }

        /// ``blockSpan(node:folded:source:)`` on lines decoded to Unicode scalars.
        static func blockSpanByScalars(node: Node, folded: Bool, source: SourceLines) -> Span? {
            var lineNumber = node.mark.line + 1
            var indent: Int?
            // Content is indented more than the line that holds the key and the indicator.
            let ownerIndent = source.line(node.mark.line).map(SourceLines.indentation) ?? 0
            var text: [Unicode.Scalar] = []
            var starts: [Span.LineStart] = []
            var pendingBreak = false
            while let line = source.line(lineNumber) {
                if SourceLines.isBlank(line) {
                    if !text.isEmpty { pendingBreak = true }
                    lineNumber += 1
                    continue
                }
                let lineIndent = SourceLines.indentation(line)
                if let indent, lineIndent < indent { break }
                if indent == nil {
                    guard lineIndent > ownerIndent || node.mark.column == 1 else { break }
                    indent = lineIndent
                }
                let content = line[(indent ?? 0)...]
                if !text.isEmpty {
                    text.append(pendingBreak ? "\n" : (folded ? " " : "\n"))
                }
                pendingBreak = false
                starts.append(
                    Span.LineStart(
                        offset: text.count, location: SourceLocation(line: lineNumber, column: (indent ?? 0) + 1)))
                text += content
                lineNumber += 1
            }
            guard !starts.isEmpty else { return nil }
            return Span(SourceLines.string(text), lineStarts: starts)
        }

        /// A multi-line plain scalar rebuilt from its source lines.
        static func plainSpan(node: Node, source: SourceLines) -> Span? {
            var text: [Unicode.Scalar] = []
            var starts: [Span.LineStart] = []
            for lineNumber in node.mark.line...node.endMark.line {
                guard let line = source.line(lineNumber) else { return nil }
                let startColumn = lineNumber == node.mark.line ? node.mark.column : SourceLines.indentation(line) + 1
                let endColumn = lineNumber == node.endMark.line ? node.endMark.column : line.count + 1
                guard startColumn <= endColumn, startColumn - 1 <= line.count, endColumn - 1 <= line.count else {
                    return nil
                }
                let content = line[(startColumn - 1)..<(endColumn - 1)]
                let trimmed = content.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
                if trimmed.isEmpty { continue }
                if !text.isEmpty { text.append(" ") }
                starts.append(
                    Span.LineStart(offset: text.count, location: SourceLocation(line: lineNumber, column: startColumn)))
                text += trimmed
            }
            guard !starts.isEmpty else { return nil }
            return Span(SourceLines.string(text), lineStarts: starts)
        }
    }
}
