import PromiseCheckYAML

/// What building a rule's check needs: the registry, the pack's lexicons, and a place to log.
///
/// A class because nested checks (`all`, `any`, `not`) build their children through the same
/// context while the parent's initializer runs.
final class CheckBuildContext {
    let registry: CheckRegistry
    let lexicons: [String: Lexicon]
    let log: DiagnosticLog
    /// Lexicons the pack declares whose files could not be loaded (already reported).
    let failedLexicons: Set<String>
    /// The pack file the rule's `check:` comes from.
    var path: String
    /// Section roles the pack's `sections:` table gives, besides the promise format's own.
    var sectionRoles: Set<String> = []
    /// Whether the user allows rules to run external programs (`check: exec`).
    var allowsExec = false
    /// The matchers of declared lexicons made so far, by ``CheckParameters/phraseMatcher(_:of:numberWords:of:)``'s key.
    private var matchers: [String: PhraseMatcher] = [:]

    init(
        registry: CheckRegistry, lexicons: [String: Lexicon], failedLexicons: Set<String> = [], log: DiagnosticLog,
        path: String
    ) {
        self.registry = registry
        self.lexicons = lexicons
        self.failedLexicons = failedLexicons
        self.log = log
        self.path = path
    }

    private var reader: NodeReader { NodeReader(path: path, log: log, codePrefix: "pack") }

    /// Builds a check of kind `kindNode`'s value with the `with:` parameters, or logs why not.
    ///
    /// - Parameter files: the pack file each parameter was written in, when a pack that extends
    ///   another overrides some of them; others are in `path`.
    func build(
        kindNode: Node, with parameters: [Node.Pair], withLocation: SourceLocation, files: [String: String] = [:]
    ) -> (any Check)? {
        guard let name = reader.string(kindNode, "'check'") else { return nil }
        guard let type = registry.type(named: name) else {
            reader.error(
                "unknown check kind '\(name)'\(Suggestion.phrase(for: name, in: registry.names)); known kinds: \(registry.names.joined(separator: ", "))",
                at: kindNode, code: "unknown-check")
            return nil
        }
        guard let values = validate(parameters, for: type.kind, at: withLocation, files: files) else { return nil }
        let checkParameters = CheckParameters(
            values: values, specs: type.kind.parameters, location: withLocation, context: self)
        do {
            return try type.init(parameters: checkParameters)
        } catch {
            // An empty message means a nested check already logged its own reason.
            if !error.message.isEmpty {
                let parameter = parameters.first { SourceLocation($0.value.mark) == error.location }
                let file = parameter.flatMap { $0.key.scalar }.flatMap { files[$0] } ?? path
                log.error(error.message, path: file, at: error.location ?? withLocation, code: "pack.check-parameters")
            }
            return nil
        }
    }

    /// Builds a nested `{check: KIND, with: {…}}`, throwing when it cannot (the reason is logged).
    func buildNestedCheck(_ node: Node) throws(CheckConfigurationError) -> any Check {
        let location = SourceLocation(node.mark)
        guard let pairs = node.mapping, let kindNode = node["check"] else {
            throw CheckConfigurationError(
                "a nested check must be a mapping with 'check:' and optional 'with:'", at: location)
        }
        reader.checkKeys(pairs, known: ["check", "with"], in: "a nested check")
        let withNode = node["with"]
        var parameters: [Node.Pair] = []
        if let withNode, !withNode.isNull {
            guard let withPairs = reader.mapping(withNode, "'with'") else {
                throw CheckConfigurationError("invalid nested check", at: location)
            }
            parameters = withPairs
        }
        guard
            let check = build(
                kindNode: kindNode, with: parameters, withLocation: withNode.map { SourceLocation($0.mark) } ?? location
            )
        else {
            // The reason is already logged; this error only stops the parent.
            throw CheckConfigurationError("", at: location)
        }
        return check
    }

    /// Checks parameter names and types against the kind's declared parameters.
    private func validate(
        _ pairs: [Node.Pair], for kind: CheckKind, at location: SourceLocation, files: [String: String]
    ) -> [String: Node]? {
        let before = log.diagnostics.count
        var values: [String: Node] = [:]
        let known = kind.parameters.map(\.name)
        for pair in pairs {
            guard let name = pair.key.scalar else { continue }
            let reader = NodeReader(path: files[name] ?? path, log: log, codePrefix: "pack")
            guard let spec = kind.parameters.first(where: { $0.name == name }) else {
                let list = known.isEmpty ? "it takes none" : "it takes: \(known.joined(separator: ", "))"
                reader.error(
                    "check '\(kind.name)' has no parameter '\(name)'\(Suggestion.phrase(for: name, in: known)); \(list)",
                    at: pair.key, code: "unknown-parameter")
                continue
            }
            if typeMatches(pair.value, spec) {
                values[name] = pair.value
            } else {
                reader.error(
                    "parameter '\(name)' of check '\(kind.name)' must be \(describe(spec.type)), found \(reader.describe(pair.value))",
                    at: pair.value, code: "parameter-type")
            }
        }
        for spec in kind.parameters where spec.isRequired && values[spec.name] == nil {
            if !pairs.contains(where: { $0.key.scalar == spec.name }) {
                log.error(
                    "check '\(kind.name)' needs parameter '\(spec.name)' (\(spec.summary))", path: path, at: location,
                    code: "pack.missing-parameter")
            }
        }
        return log.diagnostics.count == before ? values : nil
    }

    private func typeMatches(_ node: Node, _ spec: ParameterSpec) -> Bool {
        switch spec.type {
        case .string, .regex: return node.scalar != nil && !node.isNull
        case .integer: return node.scalar.flatMap { Int($0) } != nil
        case .number: return node.scalar.flatMap { Double($0) }.map(\.isFinite) ?? false
        case .boolean: return node.scalar.flatMap(CheckParameters.booleanValue) != nil
        case .strings: return node.sequence?.allSatisfy { $0.scalar != nil && !$0.isNull } ?? false
        case .lexicon: return (node.scalar != nil && !node.isNull) || node.sequence != nil || node.mapping != nil
        case .check: return node.mapping != nil
        case .checks: return node.sequence?.allSatisfy { $0.mapping != nil } ?? false
        case .mapping: return node.mapping != nil
        }
    }

    private func describe(_ type: ParameterSpec.ValueType) -> String {
        switch type {
        case .string: "a string"
        case .regex: "a regular expression string"
        case .integer: "a whole number"
        case .number: "a number"
        case .boolean: "true or false"
        case .strings: "a list of strings"
        case .lexicon: "a lexicon name or a list of terms"
        case .check: "a nested check {check: KIND, with: {…}}"
        case .checks: "a list of nested checks"
        case .mapping: "a mapping"
        }
    }

    /// The matcher made for `key`, or the one `make` makes, kept for the next check with that key.
    func sharedMatcher(_ key: String, _ make: () -> PhraseMatcher) -> PhraseMatcher {
        if let matcher = matchers[key] { return matcher }
        let matcher = make()
        matchers[key] = matcher
        return matcher
    }

    /// Resolves a lexicon parameter value.
    func lexicon(from node: Node, parameter: String) throws(CheckConfigurationError) -> Lexicon {
        let location = SourceLocation(node.mark)
        if let name = node.scalar, !node.isNull {
            // Its file's problem is already reported; saying it is undeclared would mislead.
            if failedLexicons.contains(name) { throw CheckConfigurationError("", at: location) }
            guard let lexicon = lexicons[name] else {
                let known = lexicons.keys.sorted()
                throw CheckConfigurationError(
                    "no lexicon named '\(name)'\(Suggestion.phrase(for: name, in: known)); the pack declares: \(known.isEmpty ? "none" : known.joined(separator: ", "))",
                    at: location)
            }
            return lexicon
        }
        let before = log.diagnostics.count
        guard
            let lexicon = LexiconLoader.inline(
                node, name: parameter, reader: NodeReader(path: path, log: log, codePrefix: "pack"))
        else {
            throw CheckConfigurationError(log.diagnostics.count == before ? "invalid inline lexicon" : "", at: location)
        }
        return lexicon
    }
}
