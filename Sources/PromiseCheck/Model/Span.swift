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
            if storedLineStarts == nil { storedLineStarts = [LineStart(offset: 0, location: location)] }
        }
    }
    /// The line starts; nil when the text stands verbatim on one line starting at `location`,
    /// whose one line start is then implied, not stored. Most spans are one line, and an array
    /// each would cost an allocation (nil also costs no room beside the array).
    private var storedLineStarts: [LineStart]?

    /// How offsets into `text` map to the file, line by line, ascending by offset. Empty when
    /// the text is not as written (an escaped quoted YAML string): a place inside it is then
    /// reported at the start of the value.
    public var lineStarts: [LineStart] {
        get {
            storedLineStarts ?? [LineStart(offset: 0, location: location)]
        }
        set {
            storedLineStarts = newValue
        }
    }

    /// A span; when `isVerbatim`, `text` stands on one line in the file exactly as given.
    public init(_ text: String, at location: SourceLocation, isVerbatim: Bool = false) {
        self.text = text
        self.location = location
        self.storedLineStarts = isVerbatim ? nil : []
    }

    /// A span assembled from several lines of the file.
    public init(_ text: String, lineStarts: [LineStart]) {
        self.text = text
        self.location = lineStarts.first?.location ?? .start
        self.storedLineStarts = lineStarts
    }

    public var isVerbatim: Bool { storedLineStarts.map { !$0.isEmpty } ?? true }

    /// How many lines `lineStarts` holds, without building it.
    var lineStartCount: Int { storedLineStarts?.count ?? 1 }

    /// `lineStarts[index]`, without building the array; `index` must be below `lineStartCount`.
    func lineStart(at index: Int) -> LineStart {
        storedLineStarts?[index] ?? LineStart(offset: 0, location: location)
    }

    /// The location of the Unicode scalar at `offset` in `text`.
    public func location(atScalarOffset offset: Int) -> SourceLocation {
        guard offset > 0 else { return location }
        guard let storedLineStarts else {
            return SourceLocation(line: location.line, column: location.column + offset)
        }
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
