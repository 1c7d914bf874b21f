import ArgumentParser
import PromiseCheck

struct RulesKindsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinds",
        abstract: "List the check kinds a rule can use, with their parameters."
    )

    func run() {
        var lines: [String] = []
        for kind in CheckRegistry.builtIn.kinds {
            lines.append("\(kind.name): \(kind.summary)")
            for parameter in kind.parameters {
                let required = parameter.isRequired ? ", required" : ""
                lines.append("  \(parameter.name) (\(parameter.type.rawValue)\(required)): \(parameter.summary)")
            }
            if !kind.variables.isEmpty {
                lines.append("  message placeholders: " + kind.variables.map { "{\($0)}" }.joined(separator: " "))
            }
            lines.append("")
        }
        print(lines.joined(separator: "\n"), terminator: "")
    }
}
