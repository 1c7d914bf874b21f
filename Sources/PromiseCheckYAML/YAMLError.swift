/// Why a YAML file could not be read, and where.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of a failure.
    public enum Kind: Sendable, Equatable {
        /// libyaml rejected the text.
        case syntax
        /// A mapping repeats a key; the payload is where the key first appeared.
        case duplicateKey(first: Mark)
        /// Collections nest deeper than `YAMLLimits.maxDepth`.
        case tooDeep
        /// The document holds more than `YAMLLimits.maxNodes` nodes after alias expansion.
        case tooManyNodes
        /// The input is larger than `YAMLLimits.maxInputBytes`.
        case tooLarge
        /// The input is not UTF-8 (invalid bytes, or UTF-16/UTF-32 text).
        case notUTF8
        /// A tab is used where YAML needs indentation spaces.
        case tabIndentation
        /// The stream holds more than one document.
        case multipleDocuments
        /// The input holds no document, only whitespace or comments.
        case empty
        /// The input contains a NUL byte.
        case binary
        /// An alias refers to an anchor that is not defined before it.
        case undefinedAlias
    }

    /// What went wrong.
    public var kind: Kind
    /// A plain sentence: lower-case start, no trailing period.
    public var message: String
    /// Where the problem is; nil when there is no useful position.
    public var mark: Mark?
    /// The source line at `mark` and a caret line pointing at its column, when available.
    public var snippet: String?

    /// Creates an error; the parser makes these, other layers may reuse the type.
    public init(kind: Kind, message: String, mark: Mark?, snippet: String? = nil) {
        self.kind = kind
        self.message = message
        self.mark = mark
        self.snippet = snippet
    }

    /// `line:column: message`, followed by a newline and the snippet when there is one.
    public var description: String {
        var text = mark.map { "\($0): \(message)" } ?? message
        if let snippet {
            text += "\n" + snippet
        }
        return text
    }
}
