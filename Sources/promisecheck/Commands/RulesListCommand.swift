import ArgumentParser
import PromiseCheck

struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the active rules: id, category, severity, weight and title.",
        discussion: """
            The rules are those the current folder's .promisecheck.yaml (or the nearest above it) \
            gives: its packs, unless --pack names others, with its rule changes (weights, \
            severities, rules turned off). --config uses another file, --no-config none.
            """
    )

    @OptionGroup var packOptions: PackOptions

    @OptionGroup(title: "Configuration")
    var configFiles: ConfigFileOptions

    @Flag(help: "Include rules that a pack disables.")
    var all = false

    func run() throws {
        let (pack, configurationFile) = try packOptions.loadConfigured(configFiles)
        let rules = all ? pack.rules : pack.enabledRules
        var rows = [["ID", "CATEGORY", "SEVERITY", "WEIGHT", "TITLE"]]
        for rule in rules {
            let weight = rule.weight == rule.weight.rounded() ? String(Int(rule.weight)) : String(rule.weight)
            rows.append([
                rule.id, rule.category, rule.isEnabled ? rule.severity.rawValue : "off", weight, rule.title,
            ])
        }
        print(Table.render(rows))
        print(
            "\(rules.count) rules in \(pack.name) \(pack.version)"
                + (configurationFile.map { ", as \($0) changes them" } ?? ""))
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
