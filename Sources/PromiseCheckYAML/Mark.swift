/// A position in a source file. Lines and columns are 1-based; columns count Unicode scalars (libyaml's unit).
///
/// Marks order by line, then column. The description is `line:column`, e.g. `12:5`.
public struct Mark: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int

    /// Creates a mark from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position as `line:column`.
    public var description: String { "\(line):\(column)" }

    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// The first position in a file, `1:1`.
    static let start = Mark(line: 1, column: 1)
}
