import Foundation

/// Writes command output to a file atomically: a temporary file in the same folder, renamed
/// into place, so an interrupted write never leaves a half-written file.
enum OutputFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to path: String, force: Bool) throws(Failure) {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) && !force {
            throw Failure(description: "\(path): already exists; use --force to overwrite it")
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw Failure(description: "\(path): cannot be written: \(error.localizedDescription)")
        }
        // rename(2) replaces the target in one step; Foundation's replaceItemAt on Linux removes
        // the original first and can lose it when the move then fails.
        if rename(temporary.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fileManager.removeItem(at: temporary)
            throw Failure(description: "\(path): cannot be written: \(reason)")
        }
    }
}
