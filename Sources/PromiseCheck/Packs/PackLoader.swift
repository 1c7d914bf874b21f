import Foundation
import PromiseCheckYAML

/// Loads a rule pack and the packs it extends, validating everything and building its checks.
///
/// Every problem is reported, located in the file it is in; a pack with any error is not
/// returned. Unknown keys are warnings and do not stop loading.
public struct PackLoader: Sendable {
    public var registry: CheckRegistry
    public var locator: PackLocator
    public var limits: YAMLLimits
    /// Whether rules may run external programs (`check: exec`): the user's decision
    /// (`--allow-exec`), never a pack's. Without it such rules are skipped, saying why.
    public var allowsExec = false

    /// The bounds on pack and lexicon files: those of promise files, but room for ten times the
    /// nodes, as a pack of thousands of rules is a legitimate (generated) pack.
    public static let defaultLimits = YAMLLimits(maxNodes: 1_000_000)

    public init(registry: CheckRegistry = .builtIn, locator: PackLocator, limits: YAMLLimits = defaultLimits) {
        self.registry = registry
        self.locator = locator
        self.limits = limits
    }

    public struct Result: Sendable {
        public var pack: RulePack?
        public var diagnostics: [Diagnostic]
    }

    static let packKeys = [
        "pack", "version", "title", "description", "language", "extends", "grades", "categories", "lexicons",
        "sections", "reading", "pass_threshold", "requires", "template", "rules",
    ]
    static let readingKeys = ["title_area", "body_area", "parties", "signatory_roles", "unsigned"]
    static let ruleKeys = [
        "id", "title", "category", "severity", "weight", "scope", "require", "check", "with", "message", "missing",
        "hint", "link", "description", "examples", "enabled",
    ]

    /// Loads the pack `reference` names (a name or a path; see ``PackLocator``).
    public func load(_ reference: String, relativeTo directory: String? = nil) -> Result {
        let log = DiagnosticLog()
        switch locator.resolve(reference, relativeTo: directory) {
        case .notFound(let looked):
            log.error(
                "no rule pack '\(reference)' (looked at: \(looked.joined(separator: ", ")))", path: reference, at: nil,
                code: "pack.not-found")
            return Result(pack: nil, diagnostics: log.diagnostics)
        case .found(let file):
            return load(file: file, log: log)
        }
    }

    /// Loads the pack in `file` (a `pack.yaml`).
    public func load(file: String) -> Result { load(file: file, log: DiagnosticLog()) }

    /// Loads a pack whose `pack.yaml` holds `bytes`, as if read from `file`; the packs it
    /// extends and its lexicons are read from disk relative to `file`. For fuzzing and tests.
    package func load(bytes: [UInt8], file: String) -> Result {
        load(file: file, bytes: bytes, log: DiagnosticLog())
    }

    private func load(file: String, bytes: [UInt8]? = nil, log: DiagnosticLog) -> Result {
        var chain: [(canonical: String, pack: RawPack)] = []
        guard readChain(file: file, bytes: bytes, path: [], log: log, into: &chain), let root = chain.first else {
            return Result(pack: nil, diagnostics: log.diagnostics)
        }
        let raw = chain.dropFirst().reduce(root.pack) { merge($0, $1.pack) }
        let pack = build(raw, log: log)
        return Result(pack: log.hasErrors ? nil : pack, diagnostics: log.diagnostics)
    }

    // MARK: Reading and merging

    /// A field of a rule with the file it was written in.
    struct Field {
        var node: Node
        var file: String
    }

    struct RawRule {
        var id: String
        var fields: [String: Field]
        /// The `with:` parameters merged by name across the chain.
        var parameters: [String: (pair: Node.Pair, file: String)]
        var parameterOrder: [String]
        var file: String
        var location: SourceLocation
    }

    struct RawPack {
        var file: String
        var name: String?
        var version: String?
        var title: String?
        var description: String?
        var language: String?
        var extends: [String] = []
        var grades: [Grade]?
        var gradesField: Field?
        var categories: [RuleCategory] = []
        var lexiconFiles: [(name: String, file: String, location: SourceLocation, declaredIn: String)] = []
        var sections: [SectionPatterns] = []
        var reading = ReadingSettings()
        var passThreshold: Double?
        /// A promise skeleton for `init --promise`: the text, with where it was declared.
        var template: (text: String, file: String, location: SourceLocation)?
        var rules: [RawRule] = []
    }

    /// Appends the packs `file` extends, depth first, then `file` itself, each pack once.
    ///
    /// Merging this list in order means every pack's own settings are laid over those it
    /// builds on, and a pack reached twice (two bases that extend the same pack) is merged
    /// once, so neither branch's overrides are undone by the other's copy of the shared base.
    /// - Parameters:
    ///   - bytes: the file's contents when they are not to be read from disk.
    ///   - path: the packs that led here, for detecting cycles.
    private func readChain(
        file: String, bytes: [UInt8]? = nil, path chain: [String], log: DiagnosticLog,
        into order: inout [(canonical: String, pack: RawPack)]
    ) -> Bool {
        let canonical = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        let parsed: Node?
        if let bytes {
            parsed = SourceFile.yaml(bytes, path: file, log: log, limits: limits)
        } else {
            parsed = SourceFile.yaml(at: file, log: log, limits: limits)
        }
        guard let root = parsed else { return false }
        let reader = NodeReader(path: file, log: log, codePrefix: "pack")
        guard let pairs = reader.mapping(root, "a pack file") else { return false }
        reader.checkKeys(pairs, known: Self.packKeys, in: "the pack")

        if let extendsNode = root["extends"], !extendsNode.isNull,
            let references = reader.strings(extendsNode, "'extends'")
        {
            let items = extendsNode.sequence ?? [extendsNode]
            for (reference, node) in zip(references, items) {
                let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
                switch locator.resolve(reference, relativeTo: directory) {
                case .notFound(let looked):
                    reader.error(
                        "extends unknown pack '\(reference)' (looked at: \(looked.joined(separator: ", ")))", at: node,
                        code: "extends-not-found")
                case .found(let baseFile):
                    let baseCanonical = URL(fileURLWithPath: baseFile).resolvingSymlinksInPath().path
                    if baseCanonical == canonical || chain.contains(baseCanonical) {
                        let cycle = (chain + [canonical, baseCanonical]).map {
                            URL(fileURLWithPath: $0).deletingLastPathComponent().lastPathComponent
                        }
                        reader.error(
                            "pack extends itself (\(cycle.joined(separator: " → ")))", at: node, code: "extends-cycle")
                        continue
                    }
                    if order.contains(where: { $0.canonical == baseCanonical }) { continue }
                    _ = readChain(file: baseFile, path: chain + [canonical], log: log, into: &order)
                }
            }
        }
        order.append((canonical, readPack(pairs, root: root, file: file, reader: reader)))
        return true
    }

    private func readPack(_ pairs: [Node.Pair], root: Node, file: String, reader: NodeReader) -> RawPack {
        var pack = RawPack(file: file)
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        let directoryPath = directory.path
        if let node = root["pack"] {
            pack.name = reader.string(node, "'pack'")
            if let name = pack.name, !PackNames.isPackName(name) {
                reader.error(
                    "pack name '\(name)' must be lower-case letters, digits, '-', '_' or '.'", at: node, code: "name")
            }
        } else {
            reader.error("the pack has no 'pack:' name", at: root, code: "missing-key")
        }
        if let node = root["version"] { pack.version = reader.string(node, "'version'") }
        if let node = root["title"] { pack.title = reader.string(node, "'title'") }
        if let node = root["description"] { pack.description = reader.string(node, "'description'") }
        if let node = root["language"] { pack.language = reader.string(node, "'language'") }
        if let node = root["extends"], !node.isNull { pack.extends = reader.strings(node, "'extends'") ?? [] }
        if let node = root["pass_threshold"], let value = reader.number(node, "'pass_threshold'") {
            if (0...1).contains(value) {
                pack.passThreshold = value
            } else {
                reader.error("'pass_threshold' must be between 0 and 1", at: node, code: "range")
            }
        }
        if let node = root["grades"], let gradePairs = reader.mapping(node, "'grades'") {
            var grades: [Grade] = []
            for pair in gradePairs {
                guard let name = reader.string(pair.key, "a grade name"),
                    let minimum = reader.number(pair.value, "the minimum score of grade '\(pair.key.scalar ?? "")'")
                else { continue }
                guard (0...100).contains(minimum) else {
                    reader.error("grade '\(name)' must start between 0 and 100", at: pair.value, code: "range")
                    continue
                }
                grades.append(Grade(name: name, minimum: minimum))
            }
            pack.grades = grades.sorted { $0.minimum > $1.minimum }
            pack.gradesField = Field(node: node, file: file)
        }
        if let node = root["categories"], let categoryPairs = reader.mapping(node, "'categories'") {
            for pair in categoryPairs {
                guard let key = reader.string(pair.key, "a category key"),
                    let title = reader.string(pair.value, "the title of category '\(pair.key.scalar ?? "")'")
                else { continue }
                pack.categories.append(RuleCategory(key: key, title: title))
            }
        }
        if let node = root["lexicons"], let lexiconPairs = reader.mapping(node, "'lexicons'") {
            for pair in lexiconPairs {
                guard let name = reader.string(pair.key, "a lexicon name"),
                    let relative = reader.string(pair.value, "the file of lexicon '\(pair.key.scalar ?? "")'")
                else { continue }
                let path =
                    relative.hasPrefix("/")
                    ? relative : Self.filePath(relative, in: directory, directoryPath: directoryPath)
                pack.lexiconFiles.append((name, path, SourceLocation(pair.value.mark), file))
            }
        }
        if let node = root["sections"], let sectionPairs = reader.mapping(node, "'sections'") {
            for pair in sectionPairs {
                guard let role = reader.string(pair.key, "a section role"),
                    let patterns = reader.strings(
                        pair.value, "the heading patterns of section '\(pair.key.scalar ?? "")'")
                else { continue }
                let items = pair.value.sequence ?? [pair.value]
                let compiled = zip(patterns, items).compactMap { pattern, item in
                    let compiled = PackPattern(pattern)
                    if compiled == nil {
                        reader.error("heading pattern '\(pattern)' does not compile", at: item, code: "regex")
                    }
                    return compiled
                }
                pack.sections.append(SectionPatterns(role: role, patterns: compiled))
            }
        }
        if let node = root["reading"], !node.isNull {
            pack.reading = readReading(node, reader: reader)
        }
        if let node = root["template"], !node.isNull, let value = reader.string(node, "'template'") {
            pack.template = readTemplate(
                value, node: node, directory: directory, directoryPath: directoryPath, reader: reader)
        }
        if let node = root["requires"], !node.isNull, let programs = reader.strings(node, "'requires'"), allowsExec {
            // Only when programs may run: a pack whose plugins are missing cannot be used then.
            for (program, item) in zip(programs, node.sequence ?? [node]) {
                let process = PluginProcess(arguments: [program], workingDirectory: directory.path)
                if process.resolvedExecutable() == nil {
                    reader.error(
                        "the pack requires the program '\(program)', which is not found (pack folder or PATH)",
                        at: item, code: "requires")
                }
            }
        }
        if let node = root["rules"] {
            if let items = node.sequence {
                var seen: [String: SourceLocation] = [:]
                for item in items {
                    guard let rule = readRule(item, file: file, reader: reader) else { continue }
                    if let first = seen[rule.id] {
                        reader.error(
                            "duplicate rule id '\(rule.id)' (first defined at \(first))", at: item["id"] ?? item,
                            code: "duplicate-id")
                        continue
                    }
                    seen[rule.id] = rule.location
                    pack.rules.append(rule)
                }
            } else if !node.isNull {
                reader.error("'rules' must be a list, found \(reader.describe(node))", at: node, code: "type")
            }
        }
        return pack
    }

    /// The file `relative` names in `directory` (whose `path` is `directoryPath`): what
    /// ``filePathByURL(_:in:)`` gives, joined as text when both are plain names.
    ///
    /// Foundation's standardizing costs about 60,000 instructions a path, and a pack names two
    /// dozen lexicon files, each read at every start. Only paths of letters, digits, `-`, `_`
    /// and `.` in non-empty segments other than `.` and `..` are joined as text; anything else
    /// (dot segments, doubled or trailing slashes, other characters) goes through `URL`.
    static func filePath(_ relative: String, in directory: URL, directoryPath: String) -> String {
        guard isPlainPath(directoryPath, absolute: true), isPlainPath(relative, absolute: false) else {
            return filePathByURL(relative, in: directory)
        }
        return directoryPath + "/" + relative
    }

    /// `relative` inside `directory`, standardized: `.` and `..` segments resolved.
    static func filePathByURL(_ relative: String, in directory: URL) -> String {
        directory.appendingPathComponent(relative).standardizedFileURL.path
    }

    /// Whether `path` is segments of letters, digits, `-`, `_` and `.` joined by single
    /// slashes, none of them `.` or `..`; with a leading slash (and at least one segment)
    /// when `absolute`, else without.
    private static func isPlainPath(_ path: String, absolute: Bool) -> Bool {
        var utf8 = path.utf8[...]
        if absolute {
            guard utf8.first == UInt8(ascii: "/") else { return false }
            utf8 = utf8.dropFirst()
        }
        for segment in utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard !segment.isEmpty, !segment.allSatisfy({ $0 == UInt8(ascii: ".") }) else { return false }
            for byte in segment {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    continue
                default:
                    return false
                }
            }
        }
        return true
    }

    /// `template:`: a promise skeleton written out (it has a line break), or the path of a file
    /// holding one, relative to the pack's folder.
    private func readTemplate(
        _ value: String, node: Node, directory: URL, directoryPath: String, reader: NodeReader
    ) -> (
        text: String, file: String, location: SourceLocation
    )? {
        let location = SourceLocation(node.mark)
        var text = value
        var file = reader.path
        if !value.contains("\n") {
            file = value.hasPrefix("/") ? value : Self.filePath(value, in: directory, directoryPath: directoryPath)
            let problems = DiagnosticLog()
            guard let bytes = SourceFile.bytes(at: file, log: problems, maxBytes: limits.maxInputBytes) else {
                let why = problems.diagnostics.first?.message ?? "cannot be read"
                reader.error("'template' file \(value): \(why)", at: node, code: "template")
                return nil
            }
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                reader.error("'template' file \(value) is not UTF-8 text", at: node, code: "template")
                return nil
            }
            text = decoded
        }
        for name in PromiseTemplate.unknownPlaceholders(in: text) {
            reader.error(
                "unknown placeholder '{\(name)}' in the template; available: "
                    + PromiseTemplate.placeholders.map { "{\($0)}" }.joined(separator: " ")
                    + Suggestion.phrase(for: name, in: PromiseTemplate.placeholders),
                at: node, code: "template")
        }
        // The skeleton must read as a promise file once filled in, or `init --promise` writes a broken file.
        let sample = PromiseTemplate.fill(text, area: "Exempelby", year: 2025)
        let result = PromiseFileReader(limits: limits).read(Array(sample.utf8), path: file)
        if let problem = result.diagnostics.first(where: { $0.severity == .error }) {
            reader.error(
                "the template does not read as a promise file once filled in: \(problem.description)", at: node,
                code: "template")
            return nil
        }
        return (text, file, location)
    }

    private func readReading(_ node: Node, reader: NodeReader) -> ReadingSettings {
        var settings = ReadingSettings()
        guard let pairs = reader.mapping(node, "'reading'") else { return settings }
        reader.checkKeys(pairs, known: Self.readingKeys, in: "'reading'")
        func patterns(_ key: String, group: String?) -> [PackPattern] {
            guard let value = node[key], let patterns = reader.strings(value, "'reading.\(key)'") else { return [] }
            var compiled: [PackPattern] = []
            for (pattern, item) in zip(patterns, value.sequence ?? [value]) {
                guard let regex = PackPattern(pattern) else {
                    reader.error("pattern '\(pattern)' in 'reading.\(key)' does not compile", at: item, code: "regex")
                    continue
                }
                if let group, !pattern.contains("(?<\(group)>") {
                    reader.error(
                        "pattern '\(pattern)' in 'reading.\(key)' needs a named group (?<\(group)>…)", at: item,
                        code: "regex")
                }
                compiled.append(regex)
            }
            return compiled
        }
        settings.titleArea = patterns("title_area", group: "area")
        settings.bodyArea = patterns("body_area", group: "area")
        settings.unsigned = patterns("unsigned", group: nil)
        if let value = node["parties"] { settings.parties = reader.string(value, "'reading.parties'") }
        if let value = node["signatory_roles"] {
            settings.signatoryRoles = reader.string(value, "'reading.signatory_roles'")
        }
        return settings
    }

    private func readRule(_ node: Node, file: String, reader: NodeReader) -> RawRule? {
        guard let pairs = reader.mapping(node, "a rule") else { return nil }
        guard let idNode = node["id"], let id = reader.string(idNode, "'id'") else {
            if node["id"] == nil { reader.error("a rule needs an 'id'", at: node, code: "missing-key") }
            return nil
        }
        if !PackNames.isRuleID(id) {
            reader.error("rule id '\(id)' must be letters, digits, '-', '_' or '.'", at: idNode, code: "id")
        }
        if EngineRule.reservedIDs.contains(id) {
            reader.error(
                "rule id '\(id)' is reserved for PromiseCheck's own checks on suppression comments", at: idNode,
                code: "reserved-id")
        }
        reader.checkKeys(pairs, known: Self.ruleKeys, in: "rule '\(id)'")
        var rule = RawRule(
            id: id, fields: [:], parameters: [:], parameterOrder: [], file: file, location: SourceLocation(node.mark))
        for pair in pairs {
            guard let key = pair.key.scalar, Self.ruleKeys.contains(key) else { continue }
            if key == "with" {
                if pair.value.isNull { continue }
                guard let parameterPairs = reader.mapping(pair.value, "'with' of rule '\(id)'") else { continue }
                for parameter in parameterPairs {
                    guard let name = parameter.key.scalar else { continue }
                    rule.parameters[name] = (parameter, file)
                    rule.parameterOrder.append(name)
                }
            }
            rule.fields[key] = Field(node: pair.value, file: file)
        }
        return rule
    }

    /// Lays `child` over `base`: scalar settings and tables by key, rules by id.
    private func merge(_ base: RawPack, _ child: RawPack) -> RawPack {
        var merged = child
        merged.version = child.version ?? base.version
        merged.title = child.title ?? base.title
        merged.description = child.description ?? base.description
        merged.language = child.language ?? base.language
        merged.passThreshold = child.passThreshold ?? base.passThreshold
        merged.template = child.template ?? base.template
        if child.grades == nil {
            merged.grades = base.grades
            merged.gradesField = base.gradesField
        }
        merged.categories =
            base.categories.filter { category in !child.categories.contains { $0.key == category.key } }
            + child.categories
        merged.lexiconFiles =
            base.lexiconFiles.filter { entry in !child.lexiconFiles.contains { $0.name == entry.name } }
            + child.lexiconFiles
        merged.reading.titleArea = child.reading.titleArea.isEmpty ? base.reading.titleArea : child.reading.titleArea
        merged.reading.bodyArea = child.reading.bodyArea.isEmpty ? base.reading.bodyArea : child.reading.bodyArea
        merged.reading.unsigned = child.reading.unsigned.isEmpty ? base.reading.unsigned : child.reading.unsigned
        merged.reading.parties = child.reading.parties ?? base.reading.parties
        merged.reading.signatoryRoles = child.reading.signatoryRoles ?? base.reading.signatoryRoles
        merged.sections =
            base.sections.filter { section in !child.sections.contains { $0.role == section.role } }
            + child.sections
        var rules = base.rules
        // By id, so a child that overrides thousands of rules is not quadratic.
        var indices = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for rule in child.rules {
            guard let index = indices[rule.id] else {
                indices[rule.id] = rules.count
                rules.append(rule)
                continue
            }
            var combined = rules[index]
            let replacesCheck = rule.fields["check"] != nil
            for (key, field) in rule.fields { combined.fields[key] = field }
            if replacesCheck {
                combined.parameters = rule.parameters
                combined.parameterOrder = rule.parameterOrder
            } else {
                for name in rule.parameterOrder {
                    if combined.parameters[name] == nil { combined.parameterOrder.append(name) }
                    combined.parameters[name] = rule.parameters[name]
                }
            }
            combined.file = rule.file
            combined.location = rule.location
            rules[index] = combined
        }
        merged.rules = rules
        return merged
    }

    // MARK: Building

    private func build(_ raw: RawPack, log: DiagnosticLog) -> RulePack {
        let rootReader = NodeReader(path: raw.file, log: log, codePrefix: "pack")
        var lexicons: [String: Lexicon] = [:]
        var failedLexicons: Set<String> = []
        for entry in raw.lexiconFiles {
            failedLexicons.insert(entry.name)
            guard FileManager.default.fileExists(atPath: entry.file) else {
                log.error(
                    "lexicon '\(entry.name)': file not found (\(entry.file))", path: entry.declaredIn,
                    at: entry.location,
                    code: "pack.lexicon-not-found")
                continue
            }
            if let lexicon = LexiconLoader.load(file: entry.file, name: entry.name, log: log, limits: limits) {
                lexicons[entry.name] = lexicon
                failedLexicons.remove(entry.name)
            }
        }
        var grades = raw.grades ?? []
        if raw.grades == nil {
            grades = [
                Grade(name: "A", minimum: 90), Grade(name: "B", minimum: 75), Grade(name: "C", minimum: 60),
                Grade(name: "D", minimum: 40), Grade(name: "E", minimum: 0),
            ]
        } else if !grades.contains(where: { $0.minimum == 0 }) {
            rootReader.error(
                "'grades' needs a band that starts at 0, for the lowest scores", at: raw.gradesField?.node,
                code: "grades")
        }
        for (key, name) in [("parties", raw.reading.parties), ("signatory_roles", raw.reading.signatoryRoles)] {
            guard let name, lexicons[name] == nil, !failedLexicons.contains(name) else { continue }
            let known = lexicons.keys.sorted()
            rootReader.error(
                "'reading.\(key)' names no lexicon '\(name)'\(Suggestion.phrase(for: name, in: known))", at: nil,
                code: "unknown-lexicon")
        }
        let categoryKeys = raw.categories.map(\.key)
        let context = CheckBuildContext(
            registry: registry, lexicons: lexicons, failedLexicons: failedLexicons, log: log, path: raw.file)
        context.sectionRoles = Set(raw.sections.map(\.role))
        context.allowsExec = allowsExec
        let placeholders = Set(registry.kinds.flatMap(\.variables) + ["match"])
        var rules: [Rule] = []
        for rawRule in raw.rules {
            if let rule = buildRule(
                rawRule, categories: categoryKeys, placeholders: placeholders, context: context, log: log)
            {
                rules.append(rule)
            }
        }
        if raw.rules.isEmpty {
            rootReader.error("the pack has no rules", at: nil, code: "no-rules")
        }
        return RulePack(
            name: raw.name ?? "pack", version: raw.version ?? "0", title: raw.title ?? raw.name ?? "pack",
            description: raw.description, language: raw.language, file: raw.file, extends: raw.extends,
            grades: grades, categories: raw.categories, lexicons: lexicons, sections: raw.sections,
            reading: raw.reading, passThreshold: raw.passThreshold ?? 0.5, template: raw.template?.text, rules: rules)
    }

    private func buildRule(
        _ raw: RawRule, categories: [String], placeholders: Set<String>, context: CheckBuildContext, log: DiagnosticLog
    ) -> Rule? {
        let before = log.diagnostics.count
        func reader(_ key: String) -> NodeReader {
            NodeReader(path: raw.fields[key]?.file ?? raw.file, log: log, codePrefix: "pack")
        }
        func missing(_ key: String) {
            log.error(
                "rule '\(raw.id)' needs '\(key)'", path: raw.file, at: raw.location, code: "pack.missing-key")
        }
        func string(_ key: String, required: Bool) -> String? {
            guard let field = raw.fields[key] else {
                if required { missing(key) }
                return nil
            }
            return reader(key).string(field.node, "'\(key)' of rule '\(raw.id)'")
        }
        let title = string("title", required: true)
        let category = string("category", required: true)
        if let category, let node = raw.fields["category"]?.node, !categories.contains(category) {
            reader("category").error(
                "unknown category '\(category)'\(Suggestion.phrase(for: category, in: categories)); the pack declares: \(categories.joined(separator: ", "))",
                at: node, code: "unknown-category")
        }
        var severity = Severity.warning
        if let text = string("severity", required: true) {
            if let value = Severity(rawValue: text) {
                severity = value
            } else {
                reader("severity").error(
                    "severity must be error, warning or info, found '\(text)'\(Suggestion.phrase(for: text, in: Severity.allCases.map(\.rawValue)))",
                    at: raw.fields["severity"]?.node, code: "severity")
            }
        }
        var weight = 1.0
        if let field = raw.fields["weight"] {
            if let value = reader("weight").number(field.node, "'weight' of rule '\(raw.id)'") {
                if value < 0 {
                    reader("weight").error("'weight' must not be negative", at: field.node, code: "range")
                } else {
                    weight = value
                }
            }
        } else {
            missing("weight")
        }
        var scope = Scope.document
        if let text = string("scope", required: false) {
            if let value = Scope(text) {
                scope = value
            } else {
                reader("scope").error(
                    "scope must be document, section:ROLE[,ROLE…], commitments or signatories; found '\(text)'",
                    at: raw.fields["scope"]?.node, code: "scope")
            }
        }
        var requirement = Requirement.all
        if let text = string("require", required: false) {
            if let value = Requirement(text) {
                requirement = value
            } else {
                reader("require").error(
                    "require must be all, any or a whole number of items, found '\(text)'",
                    at: raw.fields["require"]?.node,
                    code: "require")
            }
        }
        let message = string("message", required: true)
        let missingMessage = string("missing", required: false)
        for (key, template) in [("message", message), ("missing", missingMessage)] {
            guard let template else { continue }
            let allowed = placeholders.union(scope.variables)
            for name in MessageTemplate.placeholders(in: template) where !allowed.contains(name) {
                reader(key).error(
                    "unknown placeholder '{\(name)}' in '\(key)'\(Suggestion.phrase(for: name, in: allowed.sorted())); available here: \(allowed.sorted().map { "{\($0)}" }.joined(separator: " "))",
                    at: raw.fields[key]?.node, code: "placeholder")
            }
        }
        let hint = string("hint", required: false)
        let link = string("link", required: false)
        if let link, !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
            reader("link").error("'link' must be an http(s) address", at: raw.fields["link"]?.node, code: "link")
        }
        let rationale = string("description", required: false)
        var isEnabled = true
        if let field = raw.fields["enabled"], let value = reader("enabled").boolean(field.node, "'enabled'") {
            isEnabled = value
        }
        let examples = readExamples(raw, reader: reader("examples"))

        var check: (any Check)?
        var checkKind = ""
        if let field = raw.fields["check"] {
            checkKind = field.node.scalar ?? ""
            let parameters = raw.parameterOrder.compactMap { raw.parameters[$0]?.pair }
            context.path = field.file
            let files = raw.parameters.mapValues(\.file)
            let withLocation =
                raw.fields["with"].map { SourceLocation($0.node.mark) } ?? SourceLocation(field.node.mark)
            check = context.build(kindNode: field.node, with: parameters, withLocation: withLocation, files: files)
        } else {
            missing("check")
        }
        guard log.diagnostics[before...].allSatisfy({ $0.severity != .error }), let check, let title, let category,
            let message
        else { return nil }
        return Rule(
            id: raw.id, title: title, category: category, severity: severity, weight: weight, scope: scope,
            requirement: requirement, checkKind: checkKind, check: check, message: message,
            missingMessage: missingMessage,
            hint: hint, link: link, rationale: rationale, examples: examples, isEnabled: isEnabled, file: raw.file,
            location: raw.location,
            checkSource: CheckSource(kind: checkKind, parameters: raw.parameterOrder.compactMap { raw.parameters[$0] }))
    }

    private func readExamples(_ raw: RawRule, reader: NodeReader) -> [RuleExample] {
        guard let field = raw.fields["examples"] else { return [] }
        guard let pairs = reader.mapping(field.node, "'examples' of rule '\(raw.id)'") else { return [] }
        reader.checkKeys(pairs, known: ["pass", "fail"], in: "'examples' of rule '\(raw.id)'")
        var examples: [RuleExample] = []
        for pair in pairs {
            guard let key = pair.key.scalar, let expectation = RuleExample.Expectation(rawValue: key) else { continue }
            guard let items = pair.value.sequence else {
                reader.error("'\(key)' examples must be a list", at: pair.value, code: "type")
                continue
            }
            for item in items {
                let content: RuleExample.Content
                if item.mapping != nil {
                    content = .promise(item)
                } else if let text = item.scalar, !item.isNull {
                    content = .text(text)
                } else {
                    reader.error("an example must be text or a promise fragment (a mapping)", at: item, code: "type")
                    continue
                }
                examples.append(
                    RuleExample(
                        expectation: expectation, content: content, file: field.file,
                        location: SourceLocation(item.mark)))
            }
        }
        return examples
    }
}
