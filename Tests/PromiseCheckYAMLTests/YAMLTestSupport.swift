import PromiseCheckYAML

/// The error parsing `text` (through the `String` overload) throws, or nil when it parses.
func parseError(_ text: String, limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(text, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// The error parsing `bytes` throws, or nil when they parse.
func parseError(_ bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// Shorthand for a mark.
func at(_ line: Int, _ column: Int) -> Mark {
    Mark(line: line, column: column)
}
