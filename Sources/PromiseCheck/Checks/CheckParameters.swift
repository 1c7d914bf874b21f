import Foundation
import PromiseCheckYAML

/// A rule's `with:` parameters, checked against its kind's declared ``ParameterSpec``s.
///
/// Built by the pack loader, which reports unknown names, missing required parameters and
/// wrong types, located in the pack file, before a check's initializer ever runs. Accessors
/// return `nil` for parameters the rule leaves out.
public struct CheckParameters {
    private let values: [String: Node]
    private let specs: [String: ParameterSpec]
    /// Where the `with:` mapping (or the `check:` key when there is none) stands.
    public let location: SourceLocation
    let context: CheckBuildContext

    init(values: [String: Node], specs: [ParameterSpec], location: SourceLocation, context: CheckBuildContext) {
        self.values = values
        self.specs = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.location = location
        self.context = context
    }

    /// The names a `field`-like parameter may take: document fields and every section role
    /// the promise format or the pack's `sections:` table defines.
    public var fieldNames: Set<String> {
        Set(Document.fieldNames).union(PromiseFileReader.sectionRoles).union(context.sectionRoles)
    }

    /// The folder of the pack file the parameters are written in; relative paths start there.
    public var packDirectory: String {
        URL(fileURLWithPath: context.path).deletingLastPathComponent().path
    }

    /// Whether the user allows external programs to run (`--allow-exec`); a pack cannot.
    public var allowsExec: Bool { context.allowsExec }

    /// A `mapping`-typed parameter as a JSON value, for passing on to a program.
    public func json(_ name: String) -> JSONValue? {
        values[name].map(JSONValue.init)
    }

    /// Where parameter `name` stands, or the `with:` mapping when it is absent.
    public func location(of name: String) -> SourceLocation {
        values[name].map { SourceLocation($0.mark) } ?? location
    }

    public func contains(_ name: String) -> Bool { values[name] != nil }

    public func string(_ name: String) -> String? { values[name]?.scalar }

    public func integer(_ name: String) -> Int? { values[name]?.scalar.flatMap { Int($0) } }

    public func number(_ name: String) -> Double? { values[name]?.scalar.flatMap { Double($0) } }

    public func boolean(_ name: String) -> Bool? {
        values[name]?.scalar.flatMap { Self.booleanValue($0) }
    }

    public func strings(_ name: String) -> [String]? {
        values[name]?.sequence?.compactMap(\.scalar)
    }

    /// Compiles a regular expression parameter, case-insensitive unless `caseSensitive`.
    public func regex(_ name: String, caseSensitive: Bool = false) throws(CheckConfigurationError)
        -> NSRegularExpression?
    {
        guard let node = values[name], let pattern = node.scalar else { return nil }
        do {
            return try NSRegularExpression(pattern: pattern, options: Self.regexOptions(caseSensitive: caseSensitive))
        } catch {
            throw Self.notCompiling(pattern, name, at: SourceLocation(node.mark))
        }
    }

    /// ``regex(_:caseSensitive:)`` compiled only for matching on UTF-16 (``UTF16Pattern``), with
    /// no `NSRegularExpression` beside it: the same options, and the same error.
    func utf16Pattern(_ name: String, caseSensitive: Bool = false) throws(CheckConfigurationError) -> UTF16Pattern? {
        guard let node = values[name], let pattern = node.scalar else { return nil }
        guard let compiled = UTF16Pattern(pattern: pattern, options: Self.regexOptions(caseSensitive: caseSensitive))
        else {
            throw Self.notCompiling(pattern, name, at: SourceLocation(node.mark))
        }
        return compiled
    }

    private static func regexOptions(caseSensitive: Bool) -> NSRegularExpression.Options {
        caseSensitive ? [] : [.caseInsensitive]
    }

    private static func notCompiling(_ pattern: String, _ name: String, at location: SourceLocation)
        -> CheckConfigurationError
    {
        CheckConfigurationError("regular expression '\(pattern)' in '\(name)' does not compile", at: location)
    }

    /// Resolves a lexicon parameter: a name the pack declares under `lexicons:`, or inline terms.
    public func lexicon(_ name: String) throws(CheckConfigurationError) -> Lexicon? {
        guard let node = values[name] else { return nil }
        return try context.lexicon(from: node, parameter: name)
    }

    /// A matcher of `lexicon`, the value of lexicon parameter `name`, with the word values
    /// (``Lexicon/wordValues``) of `numberWords`, the value of lexicon parameter `numberWordsName`,
    /// as its number words.
    ///
    /// Checks whose parameters name the same lexicons the pack declares share one matcher,
    /// compiled once; a matcher of inline terms is its check's own.
    func phraseMatcher(
        _ lexicon: Lexicon, of name: String, numberWords: Lexicon? = nil, of numberWordsName: String = ""
    ) -> PhraseMatcher {
        func make() -> PhraseMatcher { PhraseMatcher(lexicon, numberWords: numberWords?.wordValues ?? [:]) }
        guard let declared = declaredLexicon(name) else { return make() }
        // The name's length first, so that no two pairs of names make the same key.
        var key = "\(declared.utf8.count):\(declared)"
        if numberWords != nil {
            guard let declaredNumberWords = declaredLexicon(numberWordsName) else { return make() }
            key += ":" + declaredNumberWords
        }
        return context.sharedMatcher(key, make)
    }

    /// The name of the declared lexicon that lexicon parameter `name` names, or nil when it is
    /// absent or inline (as ``CheckBuildContext/lexicon(from:parameter:)`` tells them apart).
    private func declaredLexicon(_ name: String) -> String? {
        guard let node = values[name], !node.isNull else { return nil }
        return node.scalar
    }

    /// Builds the nested check of a `check`-typed parameter.
    public func check(_ name: String) throws(CheckConfigurationError) -> (any Check)? {
        guard let node = values[name] else { return nil }
        return try context.buildNestedCheck(node)
    }

    /// Builds the nested checks of a `checks`-typed parameter.
    public func checks(_ name: String) throws(CheckConfigurationError) -> [any Check] {
        guard let nodes = values[name]?.sequence else { return [] }
        var built: [any Check] = []
        for node in nodes { built.append(try context.buildNestedCheck(node)) }
        return built
    }

    /// Requires `name` to be at least `minimum`, for parameters where smaller makes no sense.
    public func require(_ name: String, atLeast minimum: Double) throws(CheckConfigurationError) {
        if let value = number(name), value < minimum {
            throw CheckConfigurationError("'\(name)' must be at least \(Self.format(minimum))", at: location(of: name))
        }
    }

    static func booleanValue(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension SourceLocation {
    init(_ mark: Mark) { self.init(line: mark.line, column: mark.column) }
}
