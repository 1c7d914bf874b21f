/// A piece of text from a promise, with where it stands in the file.
public struct Span: Sendable, Hashable {
    /// Where a line of the text starts: its scalar offset in `text` and its place in the file.
    public struct LineStart: Sendable, Hashable {
        public var offset: Int
        public var location: SourceLocation

        public init(offset: Int, location: SourceLocation) {
            self.offset = offset
            self.location = location
        }
    }

    public var text: String
    public var location: SourceLocation
    /// How offsets into `text` map to the file, line by line, ascending by offset. Empty when
    /// the text is not as written (an escaped quoted YAML string): a place inside it is then
    /// reported at the start of the value.
    public var lineStarts: [LineStart]

    /// A span; when `isVerbatim`, `text` stands on one line in the file exactly as given.
    public init(_ text: String, at location: SourceLocation, isVerbatim: Bool = false) {
        self.text = text
        self.location = location
        self.lineStarts = isVerbatim ? [LineStart(offset: 0, location: location)] : []
    }

    /// A span assembled from several lines of the file.
    public init(_ text: String, lineStarts: [LineStart]) {
        self.text = text
        self.location = lineStarts.first?.location ?? .start
        self.lineStarts = lineStarts
    }

    public var isVerbatim: Bool { !lineStarts.isEmpty }

    /// The location of the Unicode scalar at `offset` in `text`.
    public func location(atScalarOffset offset: Int) -> SourceLocation {
        guard offset > 0, !lineStarts.isEmpty else { return location }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle].offset <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        return SourceLocation(line: start.location.line, column: start.location.column + offset - start.offset)
    }

    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}
