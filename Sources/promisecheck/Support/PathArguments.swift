import ArgumentParser

/// Long lists of paths on the command line, passed around the argument parser in a few tokens.
///
/// swift-argument-parser stores each value of a repeated argument by copying the values it
/// has so far, so parsing n paths takes time in n²: 2,000 paths took 0.15 s and 16,000 took
/// 6.8 s before a file was read. A pre-commit hook or `promisecheck check $(git ls-files)`
/// names that many. Before parsing, ``condense(_:)`` replaces each run of paths of `check` and
/// `compare` by one placeholder, and ``expand(_:in:)`` puts the paths back in the parsed
/// command, in their places.
///
/// A run is a sequence of tokens that do not start with `-`. Every option of `check` and
/// `compare` takes at most one value, so in a run only the first token can be an option's
/// value and all the others are paths; those are the ones replaced. A placeholder starts with
/// a NUL byte, which no command-line argument can hold, so it cannot be mistaken for a path.
/// Tokens after `--` are left as they are.
enum PathArguments {
    /// The subcommands whose positional arguments are all paths.
    static let commands: Set<String> = ["check", "compare"]
    /// The fewest paths a placeholder stands for; shorter runs are left as they are.
    static let minimumRun = 2
    private static let marker = "\u{0}paths-"

    /// The arguments with runs of paths replaced by placeholders, and the runs by placeholder number.
    static func condense(_ arguments: [String]) -> (arguments: [String], runs: [[String]]) {
        guard let command = arguments.first, commands.contains(command) else { return (arguments, []) }
        var condensed: [String] = [command]
        var runs: [[String]] = []
        var index = 1
        while index < arguments.count {
            let token = arguments[index]
            if token == "--" {
                condensed += arguments[index...]
                break
            }
            guard !token.hasPrefix("-") else {
                condensed.append(token)
                index += 1
                continue
            }
            // A run: its first token as it is (it may be an option's value), the rest as paths.
            var end = index + 1
            while end < arguments.count, !arguments[end].hasPrefix("-") { end += 1 }
            condensed.append(token)
            let paths = Array(arguments[(index + 1)..<end])
            if paths.count >= minimumRun {
                condensed.append(marker + String(runs.count))
                runs.append(paths)
            } else {
                condensed += paths
            }
            index = end
        }
        return (condensed, runs)
    }

    /// `paths` with each placeholder replaced by the paths it stands for.
    static func expand(_ paths: [String], runs: [[String]]) -> [String] {
        guard !runs.isEmpty else { return paths }
        var expanded: [String] = []
        expanded.reserveCapacity(paths.count + runs.reduce(0) { $0 + $1.count })
        for path in paths {
            if path.hasPrefix(marker), let number = Int(path.dropFirst(marker.count)), runs.indices.contains(number) {
                expanded += runs[number]
            } else {
                expanded.append(path)
            }
        }
        return expanded
    }

    /// The parsed command with its paths put back.
    static func expand(_ command: any ParsableCommand, in runs: [[String]]) -> any ParsableCommand {
        guard !runs.isEmpty else { return command }
        if var check = command as? CheckCommand {
            check.paths = expand(check.paths, runs: runs)
            return check
        }
        if var compare = command as? CompareCommand {
            compare.paths = expand(compare.paths, runs: runs)
            return compare
        }
        return command
    }
}
