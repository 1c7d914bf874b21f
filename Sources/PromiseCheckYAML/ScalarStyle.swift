/// How a scalar was written in the source.
public enum ScalarStyle: String, Sendable {
    /// An unquoted scalar, e.g. `area: north`.
    case plain
    /// A scalar in single quotes, e.g. `'north'`.
    case singleQuoted
    /// A scalar in double quotes, e.g. `"north"`.
    case doubleQuoted
    /// A `|` block scalar that keeps line breaks.
    case literal
    /// A `>` block scalar that folds line breaks into spaces.
    case folded
}
