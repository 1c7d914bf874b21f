import Foundation

/// The settings of a `.promisecheck.yaml` file: which packs check the promises under its
/// folder, rule overrides, which files to check, when a run fails, and report defaults.
///
/// Every setting has a default, so a file holds only what it changes; ``origins`` says where
/// each value came from (a file's line, the command line, or the default), and
/// ``rendered(for:)`` prints the whole effective configuration. See docs/configuration.md.
public struct Configuration: Sendable, Hashable {
    /// The name of the file looked for in a checked file's folder and every folder above it.
    public static let fileName = ".promisecheck.yaml"
    /// The format versions this PromiseCheck reads.
    public static let supportedVersions = [1]
    public static let defaultPacks = ["medborgarlofte"]

    /// The keys of the file, in the order they are printed.
    public enum Key: String, CaseIterable, Sendable {
        case version, packs, rules, include, exclude
        case failOn = "fail_on"
        case minScore = "min_score"
        case minAverage = "min_average"
        case format, output
        case allowExec = "allow_exec"
    }

    public var version = 1
    /// Pack names or paths; a relative path is relative to the file's folder.
    public var packs: [String] = Configuration.defaultPacks
    /// Changes to the packs' rules, in file order.
    public var rules: [RuleOverride] = []
    /// Globs of files to check, relative to the file's folder; empty means every promise found.
    public var include: [String] = []
    /// Globs of files not to check, relative to the file's folder.
    public var exclude: [String] = []
    public var failOn: FailLevel = .error
    /// Each file must score at least this.
    public var minScore: Double?
    /// The run's average score must be at least this.
    public var minAverage: Double?
    /// Report formats, paired in order with `outputs` like `--format` and `--output`.
    public var formats: [String] = ["text"]
    /// Report files; a relative path is relative to the file's folder.
    public var outputs: [String] = []
    /// Whether rules with `check: exec` may run external programs. Reserved: read, validated
    /// and shown, not yet used.
    public var allowExec = false

    /// The file the settings were read from; nil when there is none.
    public var file: String?
    /// Where each setting that is not a default came from, by key (`fail_on`, and `rules.ID`
    /// for each rule override).
    public var origins: [String: ConfigurationOrigin] = [:]

    public init() {}

    /// The folder the file's relative paths start from; the working folder without a file.
    public var folder: String {
        guard let file else { return FileManager.default.currentDirectoryPath }
        let folder = PathNames.deletingLastComponent(of: file)
        return folder.isEmpty ? "." : folder
    }

    public func origin(of key: Key) -> ConfigurationOrigin { origins[key.rawValue] ?? .defaultValue }

    /// The pack references as the loader takes them: relative paths from the file made relative
    /// to the working folder through the file's folder; names, and packs given on the command
    /// line, as they are.
    public var packReferences: [String] {
        packs.map { reference in
            guard file != nil, origin(of: .packs) != .commandLine, PackLocator.isPath(reference),
                !reference.hasPrefix("/")
            else { return reference }
            return Self.join(folder, reference)
        }
    }

    /// The output paths, relative ones through the file's folder.
    public var outputPaths: [String] {
        outputs.map { path in
            guard file != nil, !path.hasPrefix("/") else { return path }
            return Self.join(folder, path)
        }
    }

    static func join(_ folder: String, _ path: String) -> String {
        if folder == "." { return path }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// Whether a file found in a folder is checked under `include` and `exclude`: it must match
    /// an `include` glob when there are any, and no `exclude` glob. Paths outside the file's
    /// folder are not filtered.
    public func includes(_ path: String) -> Bool {
        guard !include.isEmpty || !exclude.isEmpty, let relative = relativePath(of: path) else { return true }
        if !include.isEmpty, !include.contains(where: { Glob($0).matches(relative) }) { return false }
        return !exclude.contains { Glob($0).matches(relative) }
    }

    /// `path` relative to the file's folder, or nil when it is not under it.
    func relativePath(of path: String) -> String? {
        let base = Self.absolute(folder)
        let target = Self.absolute(path)
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return target.hasPrefix(prefix) ? String(target.dropFirst(prefix.count)) : nil
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    /// What decides how the files under this configuration are evaluated: files with equal
    /// keys share one pack.
    public var evaluationKey: EvaluationKey { EvaluationKey(packs: packReferences, rules: rules) }

    public struct EvaluationKey: Hashable, Sendable {
        public var packs: [String]
        public var rules: [RuleOverride]
    }
}

/// Where a configuration value came from.
public enum ConfigurationOrigin: Sendable, Hashable, CustomStringConvertible {
    case defaultValue
    case commandLine
    case file(String, SourceLocation)

    /// `default`, `command line` or `path:line`.
    public var description: String {
        switch self {
        case .defaultValue: "default"
        case .commandLine: "command line"
        case .file(let path, let location): "\(path):\(location.line)"
        }
    }
}

/// The least severe finding that fails a run, or `never`.
public enum FailLevel: String, CaseIterable, Sendable {
    case error, warning, info, never

    public var severity: Severity? { Severity(rawValue: rawValue) }
}

/// A configuration's change to one rule: its severity, its weight, or whether it runs.
public struct RuleOverride: Sendable, Hashable {
    public var id: String
    public var severity: Severity?
    public var weight: Double?
    public var isEnabled: Bool?

    public init(id: String, severity: Severity? = nil, weight: Double? = nil, isEnabled: Bool? = nil) {
        self.id = id
        self.severity = severity
        self.weight = weight
        self.isEnabled = isEnabled
    }
}

extension RulePack {
    /// The pack with each override applied to the rule of its id (ids it does not have are
    /// left for ``Configuration/unknownRules(in:)`` to report).
    public func applying(_ overrides: [RuleOverride]) -> RulePack {
        var pack = self
        for override in overrides {
            guard let index = pack.rules.firstIndex(where: { $0.id == override.id }) else { continue }
            if let severity = override.severity { pack.rules[index].severity = severity }
            if let weight = override.weight { pack.rules[index].weight = weight }
            if let isEnabled = override.isEnabled { pack.rules[index].isEnabled = isEnabled }
        }
        return pack
    }
}

extension Configuration {
    /// Warnings for rule overrides that name no rule of `pack`, with a suggestion when one is close.
    public func unknownRules(in pack: RulePack) -> [Diagnostic] {
        let ids = pack.rules.map(\.id)
        return rules.compactMap { override -> Diagnostic? in
            guard !ids.contains(override.id) else { return nil }
            var location: SourceLocation?
            if case .file(_, let place) = origins["rules.\(override.id)"] { location = place }
            let message =
                EngineRule.reservedIDs.contains(override.id)
                ? "'\(override.id)' in 'rules' is PromiseCheck's own check on suppression comments and cannot be configured"
                : "'rules' names no rule '\(override.id)' of pack '\(pack.name)'\(Suggestion.phrase(for: override.id, in: ids))"
            return Diagnostic(.warning, message, path: file ?? "", location: location, code: "config.unknown-rule")
        }
    }
}
