internal import CYAML

/// Turns libyaml's events into one `Node` tree, enforcing the limits and the one-document rule.
///
/// Collections are built on an explicit stack, so depth costs no call stack. Aliases reuse the
/// anchored `Node` value (its arrays share storage) and add the anchored subtree's node count,
/// so an alias bomb is rejected after a handful of events instead of being expanded.
struct DocumentBuilder {
    private struct Frame {
        var isMapping: Bool
        var tag: String?
        var anchor: String?
        var mark: Mark
        /// `nodeCount` before this collection was counted.
        var countBefore: Int
        var items: [Node] = []
        var pairs: [Node.Pair] = []
        var pendingKey: Node?
        /// Scalar keys and where they appear; built only once a mapping grows large.
        var keyMarks: [String: Mark]?
    }

    private struct Anchor {
        var node: Node
        /// Nodes in the anchored subtree, aliases expanded.
        var count: Int
    }

    /// Entries reserved when a collection starts.
    private static let initialCapacity = 4

    /// Mappings with fewer entries are checked for duplicate keys by a linear scan.
    private static let linearKeyScanLimit = 16

    private let source: SourceText
    private let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: Anchor] = [:]
    private var nodeCount = 0
    private var root: Node?
    private var sawDocument = false

    init(source: SourceText, limits: YAMLLimits) {
        self.source = source
        self.limits = limits
    }

    /// Runs libyaml over the whole source and returns the document's root node.
    mutating func build() throws(YAMLError) -> Node {
        guard let parser = LibYAMLParser(input: source.bytes) else {
            throw YAMLError(kind: .syntax, message: "out of memory while starting the YAML parser", mark: nil)
        }
        let event = LibYAMLEvent()
        while true {
            guard parser.parse(into: event) else { throw error(from: parser) }
            defer { event.clear() }
            let current = event.pointer.pointee
            switch current.type {
            case YAML_SCALAR_EVENT:
                try scalar(current)
            case YAML_MAPPING_START_EVENT:
                let data = current.data.mapping_start
                try startCollection(isMapping: true, tag: data.tag, anchor: data.anchor, at: Mark(current.start_mark))
            case YAML_SEQUENCE_START_EVENT:
                let data = current.data.sequence_start
                try startCollection(isMapping: false, tag: data.tag, anchor: data.anchor, at: Mark(current.start_mark))
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                try endCollection(at: Mark(current.end_mark))
            case YAML_ALIAS_EVENT:
                try alias(current)
            case YAML_DOCUMENT_START_EVENT:
                if sawDocument {
                    let mark = Mark(current.start_mark)
                    throw YAMLError(
                        kind: .multipleDocuments,
                        message: "found a second YAML document; a file holds one document",
                        mark: mark, snippet: source.snippet(at: mark))
                }
                sawDocument = true
            case YAML_STREAM_END_EVENT, YAML_NO_EVENT:
                guard let root else {
                    throw YAMLError(kind: .empty, message: "file is empty", mark: .start)
                }
                return root
            default:
                break
            }
        }
    }

    // MARK: Events

    private mutating func scalar(_ event: yaml_event_t) throws(YAMLError) {
        let data = event.data.scalar
        let mark = Mark(event.start_mark)
        try count(1, at: mark)
        // libyaml hands out well-formed UTF-8 only: no second validation.
        let value = Self.text(data.value, count: data.length)
        let style: ScalarStyle =
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        let node = Node(
            content: .scalar(value, style), tag: Self.string(data.tag), mark: mark,
            endMark: Mark(event.end_mark))
        if let anchor = Self.string(data.anchor) {
            anchors[anchor] = Anchor(node: node, count: 1)
        }
        try attach(node)
    }

    private mutating func startCollection(
        isMapping: Bool, tag: UnsafeMutablePointer<yaml_char_t>?, anchor: UnsafeMutablePointer<yaml_char_t>?,
        at mark: Mark
    ) throws(YAMLError) {
        guard stack.count < limits.maxDepth else {
            throw YAMLError(
                kind: .tooDeep, message: "nesting deeper than \(limits.maxDepth) levels",
                mark: mark, snippet: source.snippet(at: mark))
        }
        let countBefore = nodeCount
        try count(1, at: mark)
        // Most collections hold a few entries: room for them up front saves regrowing from one.
        var items: [Node] = []
        var pairs: [Node.Pair] = []
        if isMapping {
            pairs.reserveCapacity(Self.initialCapacity)
        } else {
            items.reserveCapacity(Self.initialCapacity)
        }
        // Made in the call, so the frame is moved onto the stack, not copied.
        stack.append(
            Frame(
                isMapping: isMapping, tag: Self.string(tag), anchor: Self.string(anchor), mark: mark,
                countBefore: countBefore, items: items, pairs: pairs))
    }

    private mutating func endCollection(at endMark: Mark) throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        let node = Node(
            content: frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items),
            tag: frame.tag, mark: frame.mark, endMark: endMark)
        if let anchor = frame.anchor {
            anchors[anchor] = Anchor(node: node, count: nodeCount - frame.countBefore)
        }
        try attach(node)
    }

    private mutating func alias(_ event: yaml_event_t) throws(YAMLError) {
        let mark = Mark(event.start_mark)
        let name = Self.string(event.data.alias.anchor) ?? ""
        guard let anchor = anchors[name] else {
            let enclosing = stack.contains { $0.anchor == name }
            throw YAMLError(
                kind: .undefinedAlias,
                message: enclosing
                    ? "alias '*\(name)' refers to a collection that contains it"
                    : "undefined alias '*\(name)'; no anchor '&\(name)' comes before it",
                mark: mark, snippet: source.snippet(at: mark))
        }
        try count(anchor.count, at: mark)
        var node = anchor.node
        node.mark = mark
        node.endMark = Mark(event.end_mark)
        try attach(node)
    }

    // MARK: Tree

    /// Adds a finished node to the open collection, or makes it the root.
    ///
    /// Takes the node and moves it (and a pending key) into place rather than copying. Inlined
    /// into its callers, so that the per-event work makes no call of its own.
    @inline(__always)
    private mutating func attach(_ node: consuming Node) throws(YAMLError) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        guard stack[top].isMapping else {
            stack[top].items.append(consume node)
            return
        }
        if let key = stack[top].pendingKey.take() {
            stack[top].pairs.append(Node.Pair(key: key, value: consume node))
            return
        }
        if case .scalar(let key, _) = node.content,
            let first = Self.firstMark(ofKey: key, at: node.mark, in: &stack[top])
        {
            throw YAMLError(
                kind: .duplicateKey(first: first),
                message: "duplicate key '\(Self.abbreviated(key))' (first defined at \(first))",
                mark: node.mark, snippet: source.snippet(at: node.mark))
        }
        stack[top].pendingKey = consume node
    }

    /// Where `key` already appears in the mapping, or nil after recording it at `mark`.
    private static func firstMark(ofKey key: String, at mark: Mark, in frame: inout Frame) -> Mark? {
        if frame.keyMarks == nil {
            if frame.pairs.count < linearKeyScanLimit {
                // By index: a loop over the pairs would copy each, retaining what it holds.
                for index in frame.pairs.indices {
                    if case .scalar(let existing, _) = frame.pairs[index].key.content, existing == key {
                        return frame.pairs[index].key.mark
                    }
                }
                return nil
            }
            var marks: [String: Mark] = [:]
            marks.reserveCapacity(frame.pairs.count * 2)
            for pair in frame.pairs {
                if case .scalar(let existing, _) = pair.key.content {
                    marks[existing] = pair.key.mark
                }
            }
            frame.keyMarks = marks
        }
        if let first = frame.keyMarks?[key] { return first }
        frame.keyMarks?[key] = mark
        return nil
    }

    /// Adds `amount` nodes to the running total, failing past `maxNodes`.
    private mutating func count(_ amount: Int, at mark: Mark) throws(YAMLError) {
        let (total, overflow) = nodeCount.addingReportingOverflow(amount)
        guard !overflow, total <= limits.maxNodes else {
            throw YAMLError(
                kind: .tooManyNodes,
                message: "more than \(limits.maxNodes) nodes after alias expansion (alias bomb?)",
                mark: mark, snippet: source.snippet(at: mark))
        }
        nodeCount = total
    }

    // MARK: Errors

    /// Describes libyaml's error in our terms.
    private func error(from parser: LibYAMLParser) -> YAMLError {
        switch parser.errorType {
        case YAML_MEMORY_ERROR:
            return YAMLError(kind: .syntax, message: "out of memory while parsing", mark: nil)
        case YAML_READER_ERROR:
            let mark = source.mark(atOffset: parser.problemOffset)
            var message = parser.problem ?? "cannot read the text"
            if parser.problemValue >= 0 {
                let hex = String(parser.problemValue, radix: 16, uppercase: true)
                message += " (U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ")"
            }
            return YAMLError(kind: .syntax, message: message, mark: mark, snippet: source.snippet(at: mark))
        default:
            let mark = parser.problemMark
            let problem = parser.problem ?? "invalid YAML"
            if source.isTabIndentation(problem: problem, at: mark) {
                return YAMLError(
                    kind: .tabIndentation, message: "tab used for indentation; YAML indents with spaces",
                    mark: mark, snippet: source.snippet(at: mark))
            }
            if sawDocument, problem == "did not find expected <document start>" {
                // libyaml wants "---" before content that follows a "..." end marker.
                return YAMLError(
                    kind: .multipleDocuments, message: "found a second YAML document; a file holds one document",
                    mark: mark, snippet: source.snippet(at: mark))
            }
            var message = problem
            if let context = parser.context {
                message += " " + context
                let contextMark = parser.contextMark
                if contextMark != mark {
                    message += " started at \(contextMark)"
                }
            }
            return YAMLError(kind: .syntax, message: message, mark: mark, snippet: source.snippet(at: mark))
        }
    }

    // MARK: Helpers

    /// A scalar's value: `count` bytes of well-formed UTF-8 at `bytes`.
    private static func text(_ bytes: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
        guard let bytes, count > 0 else { return "" }
        return String(validUTF8: UnsafeBufferPointer(start: bytes, count: count))
    }

    /// A NUL-terminated libyaml string, or nil.
    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }

    /// `key` on one line and at most 60 scalars, for messages.
    private static func abbreviated(_ key: String) -> String {
        var text = String.UnicodeScalarView()
        for (index, scalar) in key.unicodeScalars.enumerated() {
            if index == 60 {
                text.append("\u{2026}")
                break
            }
            switch scalar {
            case "\n": text.append(contentsOf: "\\n".unicodeScalars)
            case "\r": text.append(contentsOf: "\\r".unicodeScalars)
            case "\t": text.append(contentsOf: "\\t".unicodeScalars)
            default: text.append(scalar)
            }
        }
        return String(text)
    }
}
