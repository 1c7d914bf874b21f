/// A kind of test a rule can run on a part of a promise; the engine's plugin point.
///
/// A conforming type describes itself in ``kind`` (its name in packs, its parameters and the
/// message variables it provides), is built once per rule from the rule's validated `with:`
/// parameters, and is then evaluated on each item of the rule's scope. Built-in kinds live in
/// this folder, one file each; a Swift package adds its own by registering the type in a
/// ``CheckRegistry``.
public protocol Check: Sendable {
    static var kind: CheckKind { get }

    /// Builds the check from parameters that already match ``kind``'s declared types.
    ///
    /// Throw for what types cannot express: a regular expression that does not compile, a
    /// lexicon that is not defined, a minimum larger than the maximum.
    init(parameters: CheckParameters) throws(CheckConfigurationError)

    /// Tests one item of the rule's scope. Must not fail: any input yields an outcome.
    func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome

    /// The lexicon matchers the check runs on its item's text, nested checks' included.
    ///
    /// The engine compiles the matchers of all rules of a scope into one automaton, so that
    /// each text is scanned once for every lexicon. A kind that leaves this out (the default is
    /// none) still works: its matchers then scan the text on their own.
    var phraseMatchers: [PhraseMatcher] { get }
}

extension Check {
    public var phraseMatchers: [PhraseMatcher] { [] }
}

/// How a check kind describes itself to packs, validation and documentation.
public struct CheckKind: Sendable {
    /// The name a rule uses in `check:`.
    public var name: String
    public var summary: String
    public var parameters: [ParameterSpec]
    /// The `{placeholders}` its outcomes fill in for rule messages.
    public var variables: [String]

    public init(name: String, summary: String, parameters: [ParameterSpec], variables: [String] = []) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.variables = variables
    }
}

/// One parameter a check kind accepts under a rule's `with:`.
public struct ParameterSpec: Sendable {
    public enum ValueType: String, Sendable {
        case string
        case integer
        case number
        case boolean
        /// A list of strings.
        case strings
        /// A regular expression (NSRegularExpression syntax), compiled when the pack loads.
        case regex
        /// A lexicon: the name of one the pack declares, or an inline list of terms.
        case lexicon
        /// One nested check: `{check: KIND, with: {…}}`.
        case check
        /// A list of nested checks.
        case checks
        /// Any mapping, passed on as it is (an external program's options).
        case mapping
    }

    public var name: String
    public var type: ValueType
    public var isRequired: Bool
    public var summary: String

    public init(_ name: String, _ type: ValueType, required: Bool = false, _ summary: String) {
        self.name = name
        self.type = type
        self.isRequired = required
        self.summary = summary
    }
}

/// A problem in a rule's check parameters, located in the pack file.
public struct CheckConfigurationError: Error, Sendable {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }
}
