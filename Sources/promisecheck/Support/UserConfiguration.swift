import Foundation
import PromiseCheck
import PromiseCheckYAML

/// The user's own settings, which no repository can change:
/// `$XDG_CONFIG_HOME/promisecheck/config.yaml`, by default `~/.config/promisecheck/config.yaml`.
///
/// Only `allow_exec` is read from it: whether rules may run external programs.
enum UserConfiguration {
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let base = environment["XDG_CONFIG_HOME"], !base.isEmpty { return base + "/promisecheck/config.yaml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/promisecheck/config.yaml"
    }

    /// Whether the user's own configuration says `allow_exec: true`.
    static func allowsExec(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        // Read like every input (regular files only, bounded), so a pipe there cannot hang the tool.
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path),
            let bytes = SourceFile.read(path, maxBytes: 1 << 20).bytes, let root = try? YAMLParser.parse(bytes)
        else { return false }
        return root["allow_exec"]?.scalar == "true"
    }
}
