import ArgumentParser
import PromiseCheck

struct RulesExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a rule's documentation: what it checks, why, how to fix it, and its examples."
    )

    @OptionGroup var packOptions: PackOptions

    @Argument(help: "The rule id, as shown by 'promisecheck rules list'.")
    var id: String

    func run() throws {
        let pack = try packOptions.loadCombined()
        guard let rule = pack.rule(withID: id) else {
            let ids = pack.rules.map(\.id)
            let suggestion =
                ids.min { Self.distance(id, $0) < Self.distance(id, $1) }.map { "; did you mean '\($0)'?" } ?? ""
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

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
