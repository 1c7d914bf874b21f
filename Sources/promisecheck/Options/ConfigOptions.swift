import ArgumentParser
import PromiseCheck

/// Which configuration files a command reads: each path's nearest one, one for every path
/// (`--config`), or none (`--no-config`).
struct ConfigFileOptions: ParsableArguments {
    static let fileHelp = ArgumentHelp(
        "Use this configuration file for every file instead of each file's nearest \(Configuration.fileName).",
        valueName: "file")
    static let noConfigHelp = ArgumentHelp(
        "Ignore \(Configuration.fileName) files: only the defaults and the command line.")

    @Option(name: .customLong("config"), help: fileHelp)
    var file: String?

    @Flag(name: .customLong("no-config"), help: noConfigHelp)
    var noConfig = false

    func validate() throws { try Self.validate(file: file, noConfig: noConfig) }

    static func validate(file: String?, noConfig: Bool) throws {
        if file != nil, noConfig { throw ValidationError("--config and --no-config cannot be used together") }
    }
}

/// The options that choose the configuration file and override its run settings; shared by
/// `check` and `config` (`compare` takes only ``ConfigFileOptions``).
struct ConfigOptions: ParsableArguments {
    // ConfigFileOptions' two options, declared here rather than as a nested @OptionGroup: each
    // group costs ArgumentParser reflection passes, and the Swift runtime four conformance scans
    // of the binary, on every run.
    @Option(name: .customLong("config"), help: ConfigFileOptions.fileHelp)
    var file: String?

    @Flag(name: .customLong("no-config"), help: ConfigFileOptions.noConfigHelp)
    var noConfig = false

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
        try ConfigFileOptions.validate(file: file, noConfig: noConfig)
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
