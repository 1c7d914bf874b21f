import Foundation

/// Messages for people that are not the report: they go to standard error.
enum StandardError {
    static func write(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
