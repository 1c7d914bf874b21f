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
    public var location: SourceLocation {
        willSet {
            // The one line starts where the span did: keep that place when the span moves.
            if isOneLine {
                storedLineStarts = [LineStart(offset: 0, location: location)]
                isOneLine = false
            }
        }
    }
    /// The line starts, unless `isOneLine`.
    private var storedLineStarts: [LineStart]
    /// Whether the text stands verbatim on one line starting at `location`: the one line start
    /// is then implied, not stored. Most spans are one line, and an array each would cost an
    /// allocation.
    private var isOneLine: Bool

    /// How offsets into `text` map to the file, line by line, ascending by offset. Empty when
    /// the text is not as written (an escaped quoted YAML string): a place inside it is then
    /// reported at the start of the value.
    public var lineStarts: [LineStart] {
        get {
            isOneLine ? [LineStart(offset: 0, location: location)] : storedLineStarts
        }
        set {
            storedLineStarts = newValue
            isOneLine = false
        }
    }

    /// A span; when `isVerbatim`, `text` stands on one line in the file exactly as given.
    public init(_ text: String, at location: SourceLocation, isVerbatim: Bool = false) {
        self.text = text
        self.location = location
        self.storedLineStarts = []
        self.isOneLine = isVerbatim
    }

    /// A span assembled from several lines of the file.
    public init(_ text: String, lineStarts: [LineStart]) {
        self.text = text
        self.location = lineStarts.first?.location ?? .start
        self.storedLineStarts = lineStarts
        self.isOneLine = false
    }

    public var isVerbatim: Bool { isOneLine || !storedLineStarts.isEmpty }

    /// How many lines `lineStarts` holds, without building it.
    var lineStartCount: Int { isOneLine ? 1 : storedLineStarts.count }

    /// `lineStarts[index]`, without building the array; `index` must be below `lineStartCount`.
    func lineStart(at index: Int) -> LineStart {
        isOneLine ? LineStart(offset: 0, location: location) : storedLineStarts[index]
    }

    /// The location of the Unicode scalar at `offset` in `text`.
    public func location(atScalarOffset offset: Int) -> SourceLocation {
        guard offset > 0 else { return location }
        if isOneLine { return SourceLocation(line: location.line, column: location.column + offset) }
        guard !storedLineStarts.isEmpty else { return location }
        var low = 0
        var high = storedLineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if storedLineStarts[middle].offset <= offset { low = middle } else { high = middle - 1 }
        }
        let start = storedLineStarts[low]
        return SourceLocation(line: start.location.line, column: start.location.column + offset - start.offset)
    }

    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }

    /// Equal when text, location and line starts are, however the line starts are stored.
    public static func == (lhs: Span, rhs: Span) -> Bool {
        guard lhs.text == rhs.text, lhs.location == rhs.location, lhs.lineStartCount == rhs.lineStartCount else {
            return false
        }
        for index in 0..<lhs.lineStartCount where lhs.lineStart(at: index) != rhs.lineStart(at: index) {
            return false
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(location)
        hasher.combine(lineStartCount)
        for index in 0..<lineStartCount {
            hasher.combine(lineStart(at: index))
        }
    }
}
