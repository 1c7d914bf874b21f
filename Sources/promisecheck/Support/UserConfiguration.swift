import Foundation
import PromiseCheck
import PromiseCheckYAML

/// The user's own settings, which no repository can change:
/// `$XDG_CONFIG_HOME/promisecheck/config.yaml`, by default `~/.config/promisecheck/config.yaml`.
///
/// Only `allow_exec` is read from it: whether rules may run external programs.
enum UserConfiguration {
    static func path(environment: [String: String] = ProcessEnvironment.current) -> String? {
        if let base = environment["XDG_CONFIG_HOME"], !base.isEmpty { return base + "/promisecheck/config.yaml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/promisecheck/config.yaml"
    }

    /// Whether the user's own configuration says `allow_exec: true`; a file that is there but
    /// cannot be used is said on standard error (and allows nothing).
    static func allowsExec(environment: [String: String] = ProcessEnvironment.current) -> Bool {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else {
            return false
        }
        // Read like every input (regular files only, bounded), so a pipe there cannot hang the tool.
        let read = SourceFile.read(path, maxBytes: 1 << 20)
        guard let bytes = read.bytes else {
            warn(path, read.diagnostics.first?.message ?? "cannot be read")
            return false
        }
        do {
            let root = try YAMLParser.parse(bytes)
            guard let value = root["allow_exec"] else { return false }
            guard let allowed = ["true": true, "false": false][value.scalar ?? ""] else {
                warn(path, "'allow_exec' must be true or false")
                return false
            }
            return allowed
        } catch {
            warn(path, (error.mark.map { "\($0): " } ?? "") + error.message)
            return false
        }
    }

    private static func warn(_ path: String, _ reason: String) {
        StandardError.write("warning: \(path): ignored, external programs stay off: \(reason)")
    }
}
