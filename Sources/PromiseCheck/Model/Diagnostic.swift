/// A problem with the input itself: a file that cannot be read, a malformed pack, an unknown key.
///
/// Diagnostics are about whether PromiseCheck could read what it was given; quality findings
/// about a promise's content are ``Finding`` values.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    /// The file the problem is in, as the user named it.
    public var path: String
    public var location: SourceLocation?
    /// A stable identifier of the kind of problem, e.g. `yaml.duplicate-key` or `pack.unknown-check`.
    public var code: String
    /// The offending source line with a caret under the column, when known.
    public var snippet: String?

    public init(
        _ severity: Severity, _ message: String, path: String, location: SourceLocation? = nil,
        code: String, snippet: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.path = path
        self.location = location
        self.code = code
        self.snippet = snippet
    }

    /// `path:line:column: severity: message [code]`, the one rendering a person reads.
    public var description: String {
        let place = location.map { "\(path):\($0)" } ?? path
        return "\(place): \(severity.rawValue): \(message) [\(code)]"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error, which makes its input unusable.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
