import Foundation

/// The process's environment, read once.
///
/// Foundation builds the whole dictionary anew on every `ProcessInfo.processInfo.environment`
/// (about a third of a million instructions each time), and a check run needs it for the pack
/// search paths, the user's configuration and the colour choice.
enum ProcessEnvironment {
    static let current = ProcessInfo.processInfo.environment
}
