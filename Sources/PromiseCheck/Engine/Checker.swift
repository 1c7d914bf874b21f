/// Reads promise files and evaluates them against one pack: one file in, one ``FileReport`` out.
public struct Checker: Sendable {
    public let engine: Engine
    public var reader: PromiseFileReader

    public init(pack: RulePack, reader: PromiseFileReader = PromiseFileReader()) {
        self.engine = Engine(pack: pack)
        self.reader = reader
    }

    /// Reads and evaluates one file; a file that cannot be read gets diagnostics and no evaluation.
    public func check(path: String) -> FileReport {
        let result = reader.read(path: path)
        return FileReport(
            path: path, evaluation: result.document.map(engine.evaluate), diagnostics: result.diagnostics)
    }

    /// Evaluates a document read elsewhere.
    public func check(_ document: Document, diagnostics: [Diagnostic] = []) -> FileReport {
        FileReport(path: document.path, evaluation: engine.evaluate(document), diagnostics: diagnostics)
    }
}

/// The version of PromiseCheck, shown by `--version` and written into reports.
public enum PromiseCheckVersion {
    public static let current = "0.1.0"
}
