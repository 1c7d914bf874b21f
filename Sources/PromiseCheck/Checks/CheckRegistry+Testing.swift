import PromiseCheckYAML

extension CheckRegistry {
    /// Builds one check from YAML `{check: KIND, with: {…}}`, for tests of check kinds.
    ///
    /// Throws the located diagnostics that building produced.
    package func makeCheck(_ yaml: String, lexicons: [String: Lexicon] = [:]) throws -> any Check {
        let node = try YAMLParser.parse(yaml)
        let log = DiagnosticLog()
        let context = CheckBuildContext(registry: self, lexicons: lexicons, log: log, path: "<test>")
        do {
            return try context.buildNestedCheck(node)
        } catch {
            throw CheckBuildFailure(diagnostics: log.diagnostics, message: error.message)
        }
    }
}

/// Why ``CheckRegistry/makeCheck(_:lexicons:)`` could not build a check.
package struct CheckBuildFailure: Error, CustomStringConvertible {
    package var diagnostics: [Diagnostic]
    package var message: String

    package var description: String {
        (diagnostics.map(\.description) + (message.isEmpty ? [] : [message])).joined(separator: "\n")
    }
}

extension ScopeItem {
    /// An item holding `texts` as consecutive verbatim lines starting at line 1, for tests.
    package static func lines(_ texts: [String], kind: Kind = .document) -> ScopeItem {
        let spans = texts.enumerated().map { index, text in
            Span(text, at: SourceLocation(line: index + 1, column: 1), isVerbatim: true)
        }
        return ScopeItem(kind: kind, location: .start, text: TokenizedText(spans))
    }
}
