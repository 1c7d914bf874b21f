import Foundation
import PromiseCheck

/// A rule pack's reference page in Markdown, generated from the pack itself.
///
/// The page has the pack's title, description, version, grades and categories, an index of
/// the rules, and then each rule: id, title, rationale, category, severity, weight, scope and
/// requirement, check kind, message, hint, link, where it is defined, and its pass and fail
/// examples. Text examples are shown verbatim; promise-fragment examples as YAML, copied from
/// the pack file's own lines so they read as written (comments included). The page is a pure
/// function of the pack and the pack files' text, with no absolute paths or dates, so the same
/// pack always gives the same bytes.
public struct RuleReference: Sendable {
    public var pack: RulePack
    /// The text of each pack file that examples come from, by the path in `RuleExample.file`.
    public var sources: [String: String]

    public init(pack: RulePack, sources: [String: String]) {
        self.pack = pack
        self.sources = sources
    }

    /// The page's file name: `<pack>.md`.
    public var fileName: String { "\(pack.name).md" }

    /// The files whose text `sources` should hold.
    public static func sourceFiles(of pack: RulePack) -> [String] {
        var files: [String] = []
        for example in pack.rules.flatMap(\.examples) where !files.contains(example.file) {
            files.append(example.file)
        }
        return files
    }

    public func render() -> String {
        var lines: [String] = []
        lines.append(
            "<!-- Generated from the pack by `promisecheck rules docs`; do not edit by hand. Regenerate with "
                + "`swift run promisecheck rules docs --output docs/rules/ --force`. -->")
        lines.append("")
        lines.append("# \(escape(pack.title))")
        lines.append("")
        var facts = ["Rule reference for the pack `\(pack.name)`, version \(escape(pack.version))"]
        if let language = pack.language { facts.append("language `\(language)`") }
        if !pack.extends.isEmpty { facts.append("extends " + pack.extends.map { "`\($0)`" }.joined(separator: ", ")) }
        lines.append(facts.joined(separator: ", ") + ".")
        if let description = pack.description {
            lines += ["", escape(description)]
        }
        lines += grades()
        lines += categories()
        lines += index()
        for rule in pack.rules { lines += section(for: rule) }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Pack

    private var totalWeight: Double { pack.enabledRules.reduce(0) { $0 + $1.weight } }

    private func grades() -> [String] {
        var lines = [
            "", "## Grades", "",
            "A promise scores 0–100: the weight-averaged share of each rule it meets. Its grade is the highest "
                + "band whose minimum the score reaches.",
            "", "| Grade | Minimum score |", "| --- | ---: |",
        ]
        for grade in pack.grades { lines.append("| \(cell(grade.name)) | \(ScoreFormat.number(grade.minimum)) |") }
        lines.append("")
        lines.append(
            "A rule counts as passed when the promise meets at least \(ScoreFormat.number(pack.passThreshold * 100)) % of it."
        )
        return lines
    }

    private func categories() -> [String] {
        var lines = [
            "", "## Categories", "", "Each category has its own score, over its rules.", "",
            "| Category | Key | Rules | Weight |", "| --- | --- | ---: | ---: |",
        ]
        for category in pack.categories {
            let rules = pack.enabledRules.filter { $0.category == category.key }
            let weight = rules.reduce(0) { $0 + $1.weight }
            lines.append(
                "| \(cell(category.title)) | `\(category.key)` | \(rules.count) | \(ScoreFormat.number(weight)) |")
        }
        return lines
    }

    private func index() -> [String] {
        var lines = [
            "", "## Rules", "",
            "\(pack.enabledRules.count) rules\(disabledNote), with a total weight of \(ScoreFormat.number(totalWeight)).",
            "", "| Rule | Title | Category | Severity | Weight |", "| --- | --- | --- | --- | ---: |",
        ]
        for rule in pack.rules {
            lines.append(
                "| [`\(rule.id)`](#\(anchor(rule.id))) | \(cell(rule.title)) | `\(rule.category)` | \(severity(rule)) | \(ScoreFormat.number(rule.weight)) |"
            )
        }
        return lines
    }

    private var disabledNote: String {
        let disabled = pack.rules.count - pack.enabledRules.count
        return disabled == 0 ? "" : " (and \(disabled) turned off)"
    }

    // MARK: Rules

    private func section(for rule: Rule) -> [String] {
        var lines = ["", "### `\(rule.id)`", "", "**\(escape(rule.title))**"]
        if let rationale = rule.rationale { lines += ["", escape(rationale)] }
        lines.append("")
        lines.append("- **Category:** \(escape(pack.categoryTitle(rule.category))) (`\(rule.category)`)")
        lines.append("- **Severity:** \(severity(rule))")
        var weight = ScoreFormat.number(rule.weight)
        if rule.isEnabled, totalWeight > 0 {
            weight +=
                " of \(ScoreFormat.number(totalWeight)) (\(ScoreFormat.number(rule.weight / totalWeight * 100)) % of the score)"
        }
        lines.append("- **Weight:** \(weight)")
        lines.append("- **Scope:** `\(rule.scope)`: \(scopeDescription(rule.scope))")
        if let requirement = requirementDescription(rule) { lines.append("- **Requirement:** \(requirement)") }
        lines.append("- **Check:** `\(rule.checkKind)`")
        lines.append("- **Message:** \(escape(rule.message))")
        if let missing = rule.missingMessage {
            lines.append("- **Message when there is nothing to check:** \(escape(missing))")
        }
        if let hint = rule.hint { lines.append("- **Hint:** \(escape(hint))") }
        if let link = rule.link { lines.append("- **Read more:** <\(link)>") }
        lines.append("- **Defined in:** `\(shortPath(rule.file)):\(rule.location.line)`")
        for expectation in [RuleExample.Expectation.pass, .fail] {
            let examples = rule.examples.filter { $0.expectation == expectation }
            guard !examples.isEmpty else { continue }
            lines += [
                "",
                expectation == .pass ? "#### Passes (no finding)" : "#### Fails (at least one finding)",
                "",
            ]
            for example in examples { lines += self.example(example) }
        }
        return lines
    }

    private func severity(_ rule: Rule) -> String {
        rule.isEnabled ? rule.severity.rawValue : "off (\(rule.severity.rawValue) when turned on)"
    }

    private func scopeDescription(_ scope: Scope) -> String {
        switch scope {
        case .document: "the whole promise, as one item"
        case .sections(let roles):
            "the text of the "
                + (roles.count == 1 ? "section" : "sections") + " "
                + roles.map { "`\($0)`" }.joined(separator: roles.count == 2 ? " and " : ", ")
                + ", as one item"
        case .commitments: "each commitment"
        case .signatories: "each signatory"
        }
    }

    /// How many items must pass; only for scopes with many items.
    private func requirementDescription(_ rule: Rule) -> String? {
        guard rule.scope == .commitments || rule.scope == .signatories else { return nil }
        let noun = rule.scope == .commitments ? "commitment" : "signatory"
        let plural = rule.scope == .commitments ? "commitments" : "signatories"
        switch rule.requirement {
        case .all: return "`all`: every \(noun); the score is the mean over the \(plural)"
        case .atLeast(1): return "`any`: at least one \(noun) must pass"
        case .atLeast(let count): return "`\(count)`: at least \(count) \(plural) must pass"
        }
    }

    // MARK: Examples

    private func example(_ example: RuleExample) -> [String] {
        switch example.content {
        case .text(let text):
            let textLines = text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
            return ["- " + textLines[0]] + textLines.dropFirst().map { $0.isEmpty ? "" : "  " + $0 }
        case .promise(let node):
            let yaml =
                sourceLines(
                    of: example, from: SourceLocation(line: node.mark.line, column: node.mark.column),
                    to: SourceLocation(line: node.endMark.line, column: node.endMark.column))
                ?? ["# (a promise fragment at \(shortPath(example.file)):\(example.location))"]
            let fence = yaml.contains { $0.contains("```") } ? "~~~~" : "```"
            return ["- \(fence)yaml"] + yaml.map { $0.isEmpty ? "" : "  " + $0 } + ["  \(fence)"]
        }
    }

    /// The example's lines in the pack file, from where its node starts to where it ends, with
    /// the indentation of its first line removed from every line, and trailing blank and
    /// comment lines (which lie between it and the next item) left out.
    private func sourceLines(of example: RuleExample, from start: SourceLocation, to end: SourceLocation) -> [String]? {
        guard let text = sources[example.file] else { return nil }
        let fileLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            Array(String($0).unicodeScalars)
        }
        guard start.line >= 1, start.line <= fileLines.count, end >= start else { return nil }
        let indent = start.column - 1
        var lines: [String] = []
        for number in start.line...min(end.line, fileLines.count) {
            var scalars = fileLines[number - 1]
            if number == end.line { scalars = Array(scalars.prefix(max(0, end.column - 1))) }
            if number == start.line {
                scalars = Array(scalars.dropFirst(indent))
            } else {
                let spaces = scalars.prefix { $0 == " " }.count
                scalars = Array(scalars.dropFirst(min(spaces, indent)))
            }
            var line = String(String.UnicodeScalarView(scalars))
            while line.last == " " || line.last == "\t" { line.removeLast() }
            lines.append(line)
        }
        while let last = lines.last, lines.count > 1,
            last.trimmingCharacters(in: .whitespaces).isEmpty
                || last.trimmingCharacters(in: .whitespaces).hasPrefix("#")
        {
            lines.removeLast()
        }
        return lines.isEmpty ? nil : lines
    }

    // MARK: Text

    /// A pack file's path as `folder/pack.yaml`: the pack folder's name, not where it is installed.
    private func shortPath(_ file: String) -> String {
        let url = URL(fileURLWithPath: file)
        return url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
    }

    /// GitHub's heading anchor for a rule id: lower case, with characters other than letters,
    /// digits, `-` and `_` removed.
    private func anchor(_ id: String) -> String {
        String(id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    /// Prose: Markdown's inline markup characters escaped, so the pack's text shows as written.
    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">": result += "\\\(character)"
            default: result.append(character)
            }
        }
        if let first = result.first, first == "#" || first == "+" || first == "-" || first == "=" {
            result = "\\" + result
        }
        return result
    }

    /// A table cell: escaped prose without line breaks and with pipes escaped.
    private func cell(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(
            separator: " ")
    }
}
