extension Configuration {
    /// The effective configuration as YAML that reads back as the same settings, with a
    /// comment after each value saying where it came from (`path:line`, `command line` or
    /// `default`). What `promisecheck config` prints.
    public func rendered(for target: String) -> String {
        var rows: [(text: String, origin: String)] = []
        func row(_ key: Key, _ value: String) {
            rows.append(("\(key.rawValue): \(value)", origin(of: key).description))
        }
        row(.version, String(version))
        row(.packs, Self.flow(packs))
        if rules.isEmpty {
            row(.rules, "{}")
        } else {
            rows.append(("rules:", origin(of: .rules).description))
            for override in rules {
                rows.append(
                    (
                        "  \(Self.flowScalar(override.id)): \(Self.value(of: override))",
                        (origins["rules.\(override.id)"] ?? .defaultValue).description
                    ))
            }
        }
        row(.include, Self.flow(include))
        row(.exclude, Self.flow(exclude))
        row(.failOn, failOn.rawValue)
        row(.minScore, minScore.map(Self.number) ?? "null")
        row(.minAverage, minAverage.map(Self.number) ?? "null")
        row(.format, Self.flow(formats))
        row(.output, Self.flow(outputs))
        row(.allowExec, allowExec ? "true" : "false")
        let width = min(rows.map(\.text.count).max() ?? 0, 48)
        var lines = [
            "# Effective configuration for \(target)",
            "# Configuration file: \(file ?? "none (defaults and the command line)")",
        ]
        for (text, origin) in rows {
            let padding = String(repeating: " ", count: max(1, width - text.count + 2))
            lines.append(text + padding + "# " + origin)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func value(of override: RuleOverride) -> String {
        switch (override.severity, override.weight, override.isEnabled) {
        case (nil, nil, false?): return "off"
        case (nil, nil, true?): return "on"
        case (let severity?, nil, nil): return severity.rawValue
        default:
            var parts: [String] = []
            if let severity = override.severity { parts.append("severity: \(severity.rawValue)") }
            if let weight = override.weight { parts.append("weight: \(number(weight))") }
            if let enabled = override.isEnabled { parts.append("enabled: \(enabled)") }
            return "{" + parts.joined(separator: ", ") + "}"
        }
    }

    static func flow(_ items: [String]) -> String {
        "[" + items.map(flowScalar).joined(separator: ", ") + "]"
    }

    /// A scalar that reads back as `text` inside a flow collection.
    static func flowScalar(_ text: String) -> String {
        YAMLText.isPlainSafe(text) && !text.contains(where: { ",[]{}".contains($0) })
            ? text : YAMLText.quoted(text)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A commented `.promisecheck.yaml` with every key at its default: what `promisecheck init`
    /// writes.
    public static let starter = """
        # PromiseCheck configuration (docs/configuration.md).
        #
        # It applies to the promise files in this folder and in every folder below it, unless a
        # folder below has its own .promisecheck.yaml: the nearest file wins, and files do not
        # merge. Command-line options win over this file. `promisecheck config PATH` prints the
        # configuration a file gets and where each value comes from.
        version: 1

        # Rule packs by name or path (a path is relative to this file's folder); later packs
        # override earlier ones by rule id.
        packs: [medborgarlofte]

        # Per rule id: off, on, a severity (error, warning, info), or a mapping such as
        # {severity: warning, weight: 10, enabled: true}. For example:
        #   rules:
        #     readability: off
        #     measurable_target: {severity: error, weight: 25}
        rules: {}

        # Which files found in folders are checked: globs relative to this folder, with *, **
        # and ?. An empty include checks every promise file found; exclude wins over include.
        # Files named on the command line are always checked (unless --force-exclude).
        # For example: exclude: [drafts/**, "**/*.txt"]
        include: []
        exclude: []

        # When a run fails (exit status 1): the least severe finding that fails it (error,
        # warning, info or never), the lowest score a file may have, and the lowest average
        # score of the run (0-100; null for no minimum).
        fail_on: error
        min_score: null
        min_average: null

        # Report formats and the files they are written to, paired in order like --format and
        # --output; a last format without a file goes to standard output. Output paths are
        # relative to this folder. Formats: text, json, sarif, junit, github, markdown, csv, html.
        format: [text]
        output: []

        # Allows rules with `check: exec` to run external programs.
        allow_exec: false

        """
}
