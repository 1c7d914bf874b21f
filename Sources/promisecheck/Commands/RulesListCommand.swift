import ArgumentParser
import PromiseCheck

struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the active rules: id, category, severity, weight and title."
    )

    @OptionGroup var packOptions: PackOptions

    @Flag(help: "Include rules that a pack disables.")
    var all = false

    func run() throws {
        let pack = try packOptions.loadCombined()
        let rules = all ? pack.rules : pack.enabledRules
        var rows = [["ID", "CATEGORY", "SEVERITY", "WEIGHT", "TITLE"]]
        for rule in rules {
            let weight = rule.weight == rule.weight.rounded() ? String(Int(rule.weight)) : String(rule.weight)
            rows.append([
                rule.id, rule.category, rule.isEnabled ? rule.severity.rawValue : "off", weight, rule.title,
            ])
        }
        print(Table.render(rows))
        print("\(rules.count) rules in \(pack.name) \(pack.version)")
    }
}

/// Left-aligned columns separated by two spaces; the last column is not padded.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
