import PromiseCheckYAML

/// Reads a `.promisecheck.yaml` file from our YAML node tree, so every value keeps its place
/// and every problem is located: unknown keys are warnings with "did you mean", wrong types
/// and values are errors. A file with any error is not used.
public struct ConfigurationLoader: Sendable {
    /// The report formats `format` may name.
    public var formats: [String]
    public var limits: YAMLLimits

    public init(formats: [String], limits: YAMLLimits = .default) {
        self.formats = formats
        self.limits = limits
    }

    public struct Result: Sendable {
        /// The configuration, unless the file has errors.
        public var configuration: Configuration?
        public var diagnostics: [Diagnostic]
    }

    static let ruleKeys = ["severity", "weight", "enabled"]

    /// Reads the configuration file at `file`.
    public func load(file: String) -> Result {
        let log = DiagnosticLog()
        guard let bytes = SourceFile.bytes(at: file, log: log, maxBytes: limits.maxInputBytes) else {
            return Result(configuration: nil, diagnostics: log.diagnostics)
        }
        return load(bytes, file: file)
    }

    /// Reads a configuration file's contents; `file` is used in locations and for relative paths.
    public func load(_ bytes: [UInt8], file: String) -> Result {
        let log = DiagnosticLog()
        var configuration = Configuration()
        configuration.file = file
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Result(configuration: configuration, diagnostics: [])
        }
        guard let root = SourceFile.yaml(bytes, path: file, log: log, limits: limits) else {
            return Result(configuration: nil, diagnostics: log.diagnostics)
        }
        if !root.isNull {
            read(root, into: &configuration, reader: NodeReader(path: file, log: log, codePrefix: "config"))
        }
        return Result(configuration: log.hasErrors ? nil : configuration, diagnostics: log.diagnostics)
    }

    private func read(_ root: Node, into configuration: inout Configuration, reader: NodeReader) {
        guard let pairs = reader.mapping(root, "a configuration file") else { return }
        reader.checkKeys(pairs, known: Configuration.Key.allCases.map(\.rawValue), in: "the configuration")
        if root["version"] == nil {
            reader.log.warning(
                "missing 'version: 1' (the format version); read as version 1", path: reader.path, at: .start,
                code: "config.version")
        }
        for pair in pairs {
            guard let name = pair.key.scalar, let key = Configuration.Key(rawValue: name) else { continue }
            let value = pair.value
            let origin = ConfigurationOrigin.file(reader.path, SourceLocation(pair.key.mark))
            // A key with no value keeps its default.
            if value.isNull { continue }
            switch key {
            case .version:
                if let version = reader.integer(value, "'version'") {
                    if Configuration.supportedVersions.contains(version) {
                        configuration.version = version
                    } else {
                        reader.error(
                            "unsupported configuration version \(version); this PromiseCheck reads version 1",
                            at: value, code: "version")
                    }
                }
            case .packs:
                if let packs = reader.strings(value, "'packs'") {
                    if packs.isEmpty {
                        reader.error("'packs' must name at least one pack", at: value, code: "packs")
                    }
                    configuration.packs = packs
                }
            case .rules:
                configuration.rules = readRules(value, reader: reader, origins: &configuration.origins)
            case .include, .exclude:
                let globs = readGlobs(value, name, reader: reader)
                if key == .include { configuration.include = globs } else { configuration.exclude = globs }
            case .failOn:
                if let text = reader.string(value, "'fail_on'") {
                    if let level = FailLevel(rawValue: text) {
                        configuration.failOn = level
                    } else {
                        let levels = FailLevel.allCases.map(\.rawValue)
                        reader.error(
                            "'fail_on' must be error, warning, info or never, found '\(text)'"
                                + Suggestion.phrase(for: text, in: levels),
                            at: value, code: "value")
                    }
                }
            case .minScore, .minAverage:
                guard let number = reader.number(value, "'\(name)'") else { break }
                guard (0...100).contains(number) else {
                    reader.error("'\(name)' must be between 0 and 100, found \(text(number))", at: value, code: "range")
                    break
                }
                if key == .minScore { configuration.minScore = number } else { configuration.minAverage = number }
            case .format:
                guard let names = reader.strings(value, "'format'") else { break }
                for (format, item) in zip(names, value.sequence ?? [value]) where !formats.contains(format) {
                    reader.error(
                        "unknown format '\(format)' (the formats are \(formats.joined(separator: ", ")))"
                            + Suggestion.phrase(for: format, in: formats),
                        at: item, code: "value")
                }
                configuration.formats = names
            case .output:
                if let outputs = reader.strings(value, "'output'") { configuration.outputs = outputs }
            case .allowExec:
                if let allow = reader.boolean(value, "'allow_exec'") {
                    configuration.allowExec = allow
                    // A repository must not be able to make checking it run its programs.
                    if allow {
                        reader.log.warning(
                            "'allow_exec' is ignored here: only --allow-exec or your own configuration "
                                + "(~/.config/promisecheck/config.yaml) can let rules run programs",
                            path: reader.path, at: SourceLocation(value.mark), code: "config.allow-exec-ignored")
                    }
                }
            }
            configuration.origins[name] = origin
        }
    }

    /// `rules:`: rule id → `off`, `on`, a severity, or a mapping of `severity`, `weight` and `enabled`.
    private func readRules(_ node: Node, reader: NodeReader, origins: inout [String: ConfigurationOrigin])
        -> [RuleOverride]
    {
        guard let pairs = reader.mapping(node, "'rules'") else { return [] }
        var overrides: [RuleOverride] = []
        var seen: Set<String> = []
        for pair in pairs {
            guard let id = reader.string(pair.key, "a rule id in 'rules'") else { continue }
            guard seen.insert(id).inserted else { continue }
            var override = RuleOverride(id: id)
            let value = pair.value
            let what = "rule '\(id)' in 'rules'"
            if let text = value.scalar, !value.isNull {
                switch text {
                case "off": override.isEnabled = false
                case "on": override.isEnabled = true
                default:
                    if let severity = Severity(rawValue: text) {
                        override.severity = severity
                    } else {
                        let words = ["off", "on"] + Severity.allCases.map(\.rawValue)
                        reader.error(
                            "\(what) must be off, on, a severity (error, warning, info) or a mapping of "
                                + "severity, weight and enabled; found '\(text)'\(Suggestion.phrase(for: text, in: words))",
                            at: value, code: "value")
                        continue
                    }
                }
            } else if let settings = value.mapping {
                reader.checkKeys(settings, known: Self.ruleKeys, in: what)
                if let node = value["severity"], let text = reader.string(node, "'severity' of \(what)") {
                    if let severity = Severity(rawValue: text) {
                        override.severity = severity
                    } else {
                        reader.error(
                            "'severity' of \(what) must be error, warning or info, found '\(text)'"
                                + Suggestion.phrase(for: text, in: Severity.allCases.map(\.rawValue)),
                            at: node, code: "value")
                    }
                }
                if let node = value["weight"], let weight = reader.number(node, "'weight' of \(what)") {
                    if weight < 0 {
                        reader.error("'weight' of \(what) must not be negative", at: node, code: "range")
                    } else {
                        override.weight = weight
                    }
                }
                if let node = value["enabled"], let enabled = reader.boolean(node, "'enabled' of \(what)") {
                    override.isEnabled = enabled
                }
            } else {
                reader.error(
                    "\(what) must be off, on, a severity or a mapping, found \(reader.describe(value))", at: value,
                    code: "type")
                continue
            }
            origins["rules.\(id)"] = .file(reader.path, SourceLocation(pair.key.mark))
            overrides.append(override)
        }
        return overrides
    }

    private func readGlobs(_ node: Node, _ name: String, reader: NodeReader) -> [String] {
        guard let globs = reader.strings(node, "'\(name)'") else { return [] }
        var result: [String] = []
        for (glob, item) in zip(globs, node.sequence ?? [node]) {
            if glob.hasPrefix("/") {
                reader.error(
                    "'\(name)' globs are relative to the configuration's folder; '\(glob)' starts with '/'", at: item,
                    code: "glob")
            } else if glob.split(separator: "/").contains("..") {
                reader.error(
                    "'\(name)' globs match files under the configuration's folder; '\(glob)' leaves it with '..'",
                    at: item, code: "glob")
            } else {
                result.append(glob)
            }
        }
        return result
    }

    private func text(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
