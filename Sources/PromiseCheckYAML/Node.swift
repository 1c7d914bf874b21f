/// A YAML node with the source positions where it starts and ends.
///
/// All scalars are kept as strings; resolving `true`, `12` or `null` is the consumer's job.
/// A node reached through an alias is the anchored node, with `mark` and `endMark` of the alias.
public struct Node: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        /// A scalar's text (after YAML unescaping and folding) and how it was written.
        case scalar(String, ScalarStyle)
        /// The items of a sequence, in source order.
        case sequence([Node])
        /// The entries of a mapping, in source order.
        case mapping([Pair])
    }

    /// One mapping entry.
    public struct Pair: Sendable {
        /// The key node; usually a scalar, but YAML allows any node.
        public var key: Node
        /// The value node; an empty value is a null scalar.
        public var value: Node

        /// Creates an entry.
        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    /// What the node holds.
    public var content: Content
    /// The explicit tag as resolved by libyaml (e.g. `tag:yaml.org,2002:str`), nil when none was written.
    public var tag: String?
    /// Where the node starts.
    public var mark: Mark
    /// Where the node ends (just past its last character).
    public var endMark: Mark

    /// Creates a node; the parser makes these, tests and tools may too.
    public init(content: Content, tag: String? = nil, mark: Mark, endMark: Mark) {
        self.content = content
        self.tag = tag
        self.mark = mark
        self.endMark = endMark
    }

    /// The text when this is a scalar, else nil.
    public var scalar: String? {
        if case .scalar(let value, _) = content { return value }
        return nil
    }

    /// The style when this is a scalar, else nil.
    public var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    /// The items when this is a sequence, else nil.
    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries when this is a mapping, else nil.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// Whether this is a YAML null: a plain, untagged scalar `""`, `~`, `null`, `Null` or `NULL`.
    public var isNull: Bool {
        guard tag == nil, case .scalar(let value, .plain) = content else { return false }
        // Only these ASCII spellings compare equal to the null words, so the length decides first.
        switch value.utf8.count {
        case 0: return true
        case 1: return value == "~"
        case 4: return value == "null" || value == "Null" || value == "NULL"
        default: return false
        }
    }

    /// `scalar`, `sequence` or `mapping`, for messages such as "expected a mapping, found a sequence".
    public var kindName: String {
        switch content {
        case .scalar: "scalar"
        case .sequence: "sequence"
        case .mapping: "mapping"
        }
    }

    /// The value for the first entry whose key is the scalar `key`; nil when absent or not a mapping.
    public subscript(key: String) -> Node? {
        guard case .mapping(let pairs) = content else { return nil }
        for pair in pairs {
            if case .scalar(let text, _) = pair.key.content, text == key {
                return pair.value
            }
        }
        return nil
    }
}
