import PromiseCheckYAML

/// Reads typed values out of a YAML node tree, logging located diagnostics for what is wrong.
///
/// Used by every loader that turns YAML into our types (packs, lexicons, promise files), so
/// unknown keys, wrong types and missing values get the same messages everywhere.
struct NodeReader {
    let path: String
    let log: DiagnosticLog
    /// Prefix of the `code` of diagnostics, e.g. `pack` or `promise`.
    let codePrefix: String

    func location(_ node: Node) -> SourceLocation { SourceLocation(node.mark) }

    func error(_ message: String, at node: Node?, code: String) {
        log.error(message, path: path, at: node.map(location), code: "\(codePrefix).\(code)")
    }

    /// The entries of a mapping, or an error naming what was found instead.
    ///
    /// `what` (here and below) is only built for a message, so callers may compose it freely.
    func mapping(_ node: Node, _ what: @autoclosure () -> String) -> [Node.Pair]? {
        if let pairs = node.mapping { return pairs }
        error("\(what()) must be a mapping, found \(describe(node))", at: node, code: "type")
        return nil
    }

    /// Warns about keys not in `known`, with a suggestion when one is close.
    func checkKeys(_ pairs: [Node.Pair], known: [String], in what: @autoclosure () -> String) {
        for pair in pairs {
            guard let key = pair.key.scalar else {
                error("keys in \(what()) must be plain strings", at: pair.key, code: "type")
                continue
            }
            if !known.contains(key) {
                log.warning(
                    "unknown key '\(key)' in \(what())\(Suggestion.phrase(for: key, in: known))",
                    path: path, at: location(pair.key), code: "\(codePrefix).unknown-key")
            }
        }
    }

    func string(_ node: Node, _ what: @autoclosure () -> String) -> String? {
        if let value = node.scalar, !node.isNull { return value }
        error("\(what()) must be a string, found \(describe(node))", at: node, code: "type")
        return nil
    }

    func number(_ node: Node, _ what: @autoclosure () -> String) -> Double? {
        if let text = node.scalar, let value = Double(text), value.isFinite { return value }
        error("\(what()) must be a number, found \(describe(node))", at: node, code: "type")
        return nil
    }

    func integer(_ node: Node, _ what: String) -> Int? {
        if let text = node.scalar, let value = Int(text) { return value }
        error("\(what) must be a whole number, found \(describe(node))", at: node, code: "type")
        return nil
    }

    func boolean(_ node: Node, _ what: String) -> Bool? {
        if let text = node.scalar, let value = CheckParameters.booleanValue(text) { return value }
        error("\(what) must be true or false, found \(describe(node))", at: node, code: "type")
        return nil
    }

    /// A list of strings; a single string is accepted as a list of one.
    func strings(_ node: Node, _ what: String) -> [String]? {
        if let value = node.scalar, !node.isNull { return [value] }
        guard let items = node.sequence else {
            error("\(what) must be a list of strings, found \(describe(node))", at: node, code: "type")
            return nil
        }
        var result: [String] = []
        for item in items {
            guard let value = string(item, "each item of \(what)") else { return nil }
            result.append(value)
        }
        return result
    }

    /// "a sequence", "the string 'x'", "nothing" — for "found …" in messages.
    func describe(_ node: Node) -> String {
        if node.isNull { return "nothing" }
        switch node.content {
        case .scalar(let value, _):
            let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
            return "'\(shown)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
