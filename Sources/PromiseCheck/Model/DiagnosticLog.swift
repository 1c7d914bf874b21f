/// Collects diagnostics while a file is read, so one pass reports every problem.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.containsErrors }

    func error(_ message: String, path: String, at location: SourceLocation?, code: String, snippet: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, path: path, location: location, code: code, snippet: snippet))
    }

    func warning(_ message: String, path: String, at location: SourceLocation?, code: String) {
        diagnostics.append(Diagnostic(.warning, message, path: path, location: location, code: code))
    }

    func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }
}
