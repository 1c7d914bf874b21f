import Foundation

/// Runs an external program the rule names, in any language, and reports what it finds.
///
/// The program gets the rule's options, the promise in PromiseCheck's model and the scope
/// item as JSON on standard input and answers findings as JSON on standard output
/// (``PluginProtocol``; docs/plugins.md). It runs only when the user allows it
/// (`--allow-exec`, or `allow_exec: true` in the user's own configuration): never because a
/// pack asks. It is started without a shell, with a minimal environment, in the promise's
/// folder, and stopped at its time limit.
public struct ExecCheck: Check {
    public static let kind = CheckKind(
        name: "exec",
        summary:
            "Runs an external program (argument vector, no shell) with the promise as JSON on stdin and reads findings as JSON on stdout. Runs only with --allow-exec.",
        parameters: [
            ParameterSpec(
                "command", .strings, required: true,
                "the program and its arguments; a program with a '/', and an argument naming a file in the pack's folder, are taken from the pack's folder"
            ),
            ParameterSpec("timeout", .number, "seconds before the program is stopped; default 5"),
            ParameterSpec("max_output", .integer, "the most bytes the program may write; default 1048576"),
            ParameterSpec("options", .mapping, "passed to the program as rule.options"),
        ],
        variables: ["match", "message"])

    let ruleOptions: JSONValue
    let command: [String]
    /// The plugin's name in messages: its script, or the program.
    let shownName: String
    let timeout: Double
    let maxOutput: Int
    let allowed: Bool

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        let raw = parameters.strings("command") ?? []
        guard let program = raw.first, !program.isEmpty else {
            throw CheckConfigurationError("'command' must name a program", at: parameters.location(of: "command"))
        }
        let folder = parameters.packDirectory
        // The program runs in the promise's folder, so files the pack ships are passed by full path.
        command = raw.enumerated().map { index, argument in
            guard !argument.hasPrefix("/") else { return argument }
            let inPack = URL(fileURLWithPath: folder).appendingPathComponent(argument).standardizedFileURL.path
            if index == 0 { return argument.contains("/") ? inPack : argument }
            return FileManager.default.fileExists(atPath: inPack) ? inPack : argument
        }
        shownName = URL(fileURLWithPath: raw.last { $0.contains(".") || $0.contains("/") } ?? program).lastPathComponent
        timeout = parameters.number("timeout") ?? 5
        maxOutput = parameters.integer("max_output") ?? 1 << 20
        try parameters.require("timeout", atLeast: 0.1)
        try parameters.require("max_output", atLeast: 1024)
        ruleOptions = parameters.json("options") ?? .object([:])
        allowed = parameters.allowsExec
        if allowed, PluginProcess(arguments: command, workingDirectory: folder).resolvedExecutable() == nil {
            throw CheckConfigurationError(
                "program '\(program)' not found (looked in the pack's folder and on PATH)",
                at: parameters.location(of: "command"))
        }
    }

    /// The engine passes the rule's id in the item (`ruleID`), for the program's request.
    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        let name = shownName
        guard allowed else {
            return .skipped("runs an external program (\(name)); not allowed without --allow-exec")
        }
        let folder = URL(fileURLWithPath: document.path).deletingLastPathComponent().path
        let process = PluginProcess(
            arguments: command, workingDirectory: folder.isEmpty ? "." : folder, timeout: timeout,
            maxOutputBytes: maxOutput)
        let input = PluginProtocol.request(
            ruleID: item.ruleID ?? name, options: ruleOptions, document: document, item: item)
        switch process.run(input: input) {
        case .failure(let failure):
            return .failed("plugin \(name) \(failure)")
        case .success(let output):
            switch PluginProtocol.answer(from: output) {
            case .failure(let malformed):
                return .failed("plugin \(name): \(malformed)")
            case .success(let answer):
                let problems = answer.findings.map { finding in
                    Hit(
                        location: finding.location ?? item.location, excerpt: finding.excerpt ?? "",
                        variables: ["match": finding.excerpt ?? "", "message": finding.message])
                }
                let reason =
                    answer.reason
                    ?? "plugin \(name): \(answer.findings.count) finding\(answer.findings.count == 1 ? "" : "s")"
                return CheckOutcome(
                    fraction: problems.isEmpty ? answer.fraction : min(answer.fraction, 0.999), reason: reason,
                    problems: problems)
            }
        }
    }
}
