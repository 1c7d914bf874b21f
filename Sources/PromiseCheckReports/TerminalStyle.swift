import PromiseCheck

/// How the text report marks severities and scores on a terminal: ANSI colours, or nothing.
public struct TerminalStyle: Sendable, Hashable {
    /// Whether to write ANSI escape sequences at all.
    public var isColored: Bool

    public init(isColored: Bool) {
        self.isColored = isColored
    }

    /// No escape sequences: what files, pipes and `NO_COLOR` get.
    public static let plain = TerminalStyle(isColored: false)
    public static let colored = TerminalStyle(isColored: true)

    /// A severity word in its colour: errors red, warnings yellow, info cyan, all bold.
    public func severity(_ severity: Severity, _ text: String? = nil) -> String {
        let word = text ?? severity.rawValue
        switch severity {
        case .error: return wrap(word, "1;31")
        case .warning: return wrap(word, "1;33")
        case .info: return wrap(word, "1;36")
        }
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }

    public func passed(_ text: String) -> String { wrap(text, "1;32") }

    public func failed(_ text: String) -> String { wrap(text, "1;31") }

    public func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        isColored && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// `--color`: whether the text report on standard output is coloured.
public enum ColorChoice: String, CaseIterable, Sendable {
    /// Colour only on a terminal, and never with `NO_COLOR` or `TERM=dumb`.
    case auto
    /// Colour on standard output even through a pipe; still never with `NO_COLOR` nor in files.
    case always
    case never

    /// The style for one destination of the text report.
    ///
    /// - Parameters:
    ///   - toStandardOutput: false for an `--output` file, which never gets colour.
    ///   - isTerminal: whether standard output is a terminal (`isatty`).
    ///   - environment: `NO_COLOR` set to any value, even empty, turns colour off (no-color.org);
    ///     `TERM=dumb` turns it off for `auto`.
    public func style(toStandardOutput: Bool, isTerminal: Bool, environment: [String: String]) -> TerminalStyle {
        guard toStandardOutput, environment["NO_COLOR"] == nil else { return .plain }
        switch self {
        case .never: return .plain
        case .always: return .colored
        case .auto: return isTerminal && environment["TERM"] != "dumb" ? .colored : .plain
        }
    }
}
