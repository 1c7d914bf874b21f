import ArgumentParser

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, explain and test the rules of packs.",
        subcommands: [
            RulesListCommand.self, RulesExplainCommand.self, RulesTestCommand.self, RulesKindsCommand.self,
            RulesDocsCommand.self,
        ]
    )
}
