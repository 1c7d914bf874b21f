import ArgumentParser
import PromiseCheck

/// Which configuration files a command reads: each path's nearest one, one for every path
/// (`--config`), or none (`--no-config`).
struct ConfigFileOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "Use this configuration file for every file instead of each file's nearest \(Configuration.fileName).",
            valueName: "file"))
    var file: String?

    @Flag(
        name: .customLong("no-config"),
        help: "Ignore \(Configuration.fileName) files: only the defaults and the command line.")
    var noConfig = false

    func validate() throws {
        if file != nil, noConfig { throw ValidationError("--config and --no-config cannot be used together") }
    }
}

/// The options that choose the configuration file and override its run settings; shared by
/// `check` and `config` (`compare` takes only ``ConfigFileOptions``).
struct ConfigOptions: ParsableArguments {
    @OptionGroup var files: ConfigFileOptions

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "The least severe finding that fails the run (default: the configuration's fail_on, else error).",
            valueName: "level"))
    var failOn: FailLevel?

    @Option(
        name: .customLong("min-score"),
        help: ArgumentHelp("Fail when any file scores below this (0–100).", valueName: "score"))
    var minScore: Double?

    @Option(
        name: .customLong("min-average"),
        help: ArgumentHelp("Fail when the run's average score is below this (0–100).", valueName: "score"))
    var minAverage: Double?

    func validate() throws {
        for (name, value) in [("--min-score", minScore), ("--min-average", minAverage)] {
            if let value, !(0...100).contains(value) {
                throw ValidationError("\(name) must be between 0 and 100, found \(ScoreText.number(value))")
            }
        }
    }
}

extension FailLevel: CaseArgument {}

/// Numbers in command-line messages: `60`, `62.5`.
enum ScoreText {
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
