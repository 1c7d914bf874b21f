import ArgumentParser
import PromiseCheck

struct RulesExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a rule's documentation: what it checks, why, how to fix it, and its examples.",
        discussion: """
            The rule is shown as the current folder's .promisecheck.yaml (or the nearest above it) \
            changes it: its weight, its severity, or 'off'. --config uses another file, --no-config none.
            """
    )

    @OptionGroup var packOptions: PackOptions

    @OptionGroup(title: "Configuration")
    var configFiles: ConfigFileOptions

    @Argument(help: "The rule id, as shown by 'promisecheck rules list'.")
    var id: String

    func run() throws {
        let pack = try packOptions.loadConfigured(configFiles).pack
        guard let rule = pack.rule(withID: id) else {
            let ids = pack.rules.map(\.id)
            var suggestion = Suggestion.phrase(for: id, in: ids)
            if suggestion.isEmpty { suggestion = "; 'promisecheck rules list' shows the rule ids" }
            StandardError.write("error: no rule '\(id)' in pack \(pack.name)\(suggestion)")
            throw ExitCode.usageError
        }
        print(Self.render(rule, in: pack))
    }

    static func render(_ rule: Rule, in pack: RulePack) -> String {
        var lines = ["\(rule.id): \(rule.title)", ""]
        if let rationale = rule.rationale { lines += [rationale, ""] }
        let weight = rule.weight == rule.weight.rounded() ? String(Int(rule.weight)) : String(rule.weight)
        lines.append("category:  \(pack.categoryTitle(rule.category)) (\(rule.category))")
        lines.append("severity:  \(rule.isEnabled ? rule.severity.rawValue : "off (disabled)")")
        lines.append("weight:    \(weight)")
        lines.append("scope:     \(rule.scope)\(rule.requirement == .all ? "" : " (require \(rule.requirement))")")
        lines.append("check:     \(rule.checkKind)")
        lines.append("message:   \(rule.message)")
        if let hint = rule.hint { lines.append("hint:      \(hint)") }
        if let link = rule.link { lines.append("link:      \(link)") }
        lines.append("defined:   \(rule.file):\(rule.location)")
        for expectation in [RuleExample.Expectation.pass, .fail] {
            let examples = rule.examples.filter { $0.expectation == expectation }
            guard !examples.isEmpty else { continue }
            lines.append("")
            lines.append(expectation == .pass ? "Passes:" : "Fails:")
            for example in examples {
                switch example.content {
                case .text(let text): lines.append("  - \(text)")
                case .promise: lines.append("  - (promise fragment at \(example.file):\(example.location))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
