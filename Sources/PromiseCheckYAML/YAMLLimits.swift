/// Bounds that keep parsing of hostile or accidental input cheap.
public struct YAMLLimits: Sendable, Equatable {
    /// The deepest allowed nesting of collections; the root collection is level 1.
    public var maxDepth: Int
    /// The most nodes a document may hold, counted after alias expansion.
    ///
    /// An alias counts as every node of the subtree it refers to, so alias bombs are caught
    /// without expanding them.
    public var maxNodes: Int
    /// The largest accepted input, in bytes.
    public var maxInputBytes: Int

    /// Creates limits; the defaults suit hand-written configuration files.
    public init(maxDepth: Int = 64, maxNodes: Int = 100_000, maxInputBytes: Int = 16 << 20) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxInputBytes = maxInputBytes
    }

    /// Depth 64, 100 000 nodes, 16 MB.
    public static let `default` = YAMLLimits()
}
