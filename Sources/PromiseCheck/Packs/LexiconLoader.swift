import PromiseCheckYAML

/// Reads lexicon files and inline lexicons.
///
/// A lexicon file is a mapping with an optional `lexicon:` name and `description:`, and
/// exactly one of `terms:` (a list), `values:` (term → number) or `groups:` (group → list).
enum LexiconLoader {
    static let keys = ["lexicon", "description", "terms", "values", "groups"]

    static func load(file: String, name: String, log: DiagnosticLog, limits: YAMLLimits) -> Lexicon? {
        guard let root = SourceFile.yaml(at: file, log: log, limits: limits) else { return nil }
        let reader = NodeReader(path: file, log: log, codePrefix: "lexicon")
        guard let pairs = reader.mapping(root, "a lexicon file") else { return nil }
        reader.checkKeys(pairs, known: keys, in: "a lexicon file")
        let bodies = pairs.filter { ["terms", "values", "groups"].contains($0.key.scalar ?? "") }
        guard bodies.count == 1, let body = bodies.first else {
            reader.error(
                "a lexicon file needs exactly one of 'terms', 'values' or 'groups'",
                at: bodies.dropFirst().first?.key ?? root,
                code: "shape")
            return nil
        }
        return entries(from: body.value, shape: body.key.scalar ?? "terms", name: name, reader: reader)
    }

    /// An inline lexicon: a list of terms, a mapping of groups, or a mapping of values.
    static func inline(_ node: Node, name: String, reader: NodeReader) -> Lexicon? {
        if node.sequence != nil { return entries(from: node, shape: "terms", name: name, reader: reader) }
        if let pairs = node.mapping {
            let isValues = pairs.allSatisfy { $0.value.scalar != nil }
            return entries(from: node, shape: isValues ? "values" : "groups", name: name, reader: reader)
        }
        reader.error(
            "an inline lexicon must be a list of terms or a mapping, found \(reader.describe(node))", at: node,
            code: "type")
        return nil
    }

    private static func entries(from node: Node, shape: String, name: String, reader: NodeReader) -> Lexicon? {
        var entries: [Lexicon.Entry] = []
        var failed = false
        func add(_ termNode: Node, group: String?, value: Double?) {
            guard let term = reader.string(termNode, "a term") else { failed = true; return }
            do {
                entries.append(try Lexicon.Entry(term: term, group: group, value: value))
            } catch {
                reader.error(error.message, at: termNode, code: "term")
                failed = true
            }
        }
        switch shape {
        case "terms":
            guard let items = node.sequence else {
                reader.error("'terms' must be a list, found \(reader.describe(node))", at: node, code: "type")
                return nil
            }
            entries.reserveCapacity(items.count)
            for item in items { add(item, group: nil, value: nil) }
        case "values":
            guard let pairs = reader.mapping(node, "'values'") else { return nil }
            entries.reserveCapacity(pairs.count)
            for pair in pairs {
                guard let value = reader.number(pair.value, "the value of '\(pair.key.scalar ?? "")'") else {
                    failed = true
                    continue
                }
                add(pair.key, group: nil, value: value)
            }
        default:
            guard let pairs = reader.mapping(node, "'groups'") else { return nil }
            for pair in pairs {
                guard let group = reader.string(pair.key, "a group name"),
                    let items = pair.value.sequence
                else {
                    reader.error("each group must be a list of terms", at: pair.value, code: "type")
                    failed = true
                    continue
                }
                for item in items { add(item, group: group, value: nil) }
            }
        }
        if entries.isEmpty && !failed {
            reader.error("the lexicon has no terms", at: node, code: "empty")
        }
        return failed || entries.isEmpty ? nil : Lexicon(name: name, entries: entries)
    }
}
