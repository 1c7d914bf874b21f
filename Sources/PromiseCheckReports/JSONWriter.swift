/// Writes JSON into a byte buffer exactly as `JSONEncoder` with `.prettyPrinted`, `.sortedKeys`
/// and `.withoutEscapingSlashes` does: two spaces per level, `"key" : value`, an empty container
/// as an open and a close bracket with an empty line between, numbers as Swift prints them
/// without a trailing `.0`, and strings escaped only where JSON requires it (non-ASCII stays
/// UTF-8).
///
/// Keys must be written in sorted order (UTF-8 byte order) by the caller; the writer does not
/// reorder them. `JSONWriterTests` compares it with `JSONEncoder` on many random values.
package struct JSONWriter {
    package var bytes: [UInt8]
    /// How many containers are open, and how many elements each holds so far.
    private var counts: [Int] = []
    /// Indentation of the outermost container, for a fragment written inside a larger document.
    private let baseLevel: Int
    /// A key was just written, so the next value needs no separator.
    private var afterKey = false

    /// A writer that appends to `bytes`, with the outermost value at nesting `level`.
    ///
    /// - Parameter resuming: for a document written in parts, the containers an earlier writer
    ///   left open, outermost first, each with the number of elements it already holds.
    package init(into bytes: [UInt8] = [], level: Int = 0, resuming counts: [Int] = []) {
        self.bytes = bytes
        self.baseLevel = level
        self.counts = counts
    }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }

    package mutating func endObject() { close(UInt8(ascii: "}")) }

    package mutating func beginArray() { open(UInt8(ascii: "[")) }

    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"key" : `; a value must follow.
    package mutating func key(_ key: String) {
        element()
        append(quoted: key)
        bytes.append(contentsOf: Self.keySeparator)
        afterKey = true
    }

    package mutating func string(_ value: String) {
        element()
        append(quoted: value)
    }

    package mutating func int(_ value: Int) {
        element()
        appendDigits(value)
    }

    package mutating func bool(_ value: Bool) {
        element()
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    }

    package mutating func null() {
        element()
        bytes.append(contentsOf: Self.nullBytes)
    }

    /// A finite number as `JSONEncoder` writes it: `79.2`, `100`, `1e-07`, `-0`. `JSONEncoder`
    /// refuses a non-finite number; it is written `null` here.
    package mutating func double(_ value: Double) {
        element()
        guard value.isFinite else {
            bytes.append(contentsOf: Self.nullBytes)
            return
        }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            // Swift prints these as digits and `.0`, which JSONEncoder drops.
            if value.sign == .minus && value == 0 { bytes.append(UInt8(ascii: "-")) }
            appendDigits(Int(value))
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    // MARK: Keyed values

    /// `"key" : value`, or nothing when the value is nil, as `JSONEncoder` leaves out nil optionals.
    package mutating func field(_ key: String, _ value: (some JSONScalar)?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    /// An array of strings under `key`.
    package mutating func field(_ key: String, _ values: [String]) {
        self.key(key)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: Layout

    /// Before a value or a key: the separator from the previous element and the indentation.
    private mutating func element() {
        if afterKey {
            afterKey = false
            return
        }
        guard !counts.isEmpty else { return }
        if counts[counts.count - 1] > 0 {
            bytes.append(UInt8(ascii: ","))
            bytes.append(UInt8(ascii: "\n"))
        }
        counts[counts.count - 1] += 1
        indent(baseLevel + counts.count)
    }

    private mutating func open(_ bracket: UInt8) {
        element()
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
        counts.append(0)
    }

    private mutating func close(_ bracket: UInt8) {
        counts.removeLast()
        bytes.append(UInt8(ascii: "\n"))
        indent(baseLevel + counts.count)
        bytes.append(bracket)
    }

    private mutating func indent(_ level: Int) {
        let count = level * 2
        if count <= Self.spaces.count {
            bytes.append(contentsOf: Self.spaces[0..<count])
        } else {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        }
    }

    private mutating func appendDigits(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        guard magnitude > 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }

    private mutating func append(quoted value: String) {
        var value = value
        value.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = Self.firstEscapedByte(in: utf8, from: 0)
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    runStart = index + 1
                    appendEscape(byte)
                }
                index += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// The offset of the first eight-byte word from `start` that may hold a byte JSON escapes
    /// (a control character, `"` or `\\`), or where the last whole word ends when none does.
    ///
    /// A word qualifies exactly when one of its bytes is below 0x20 or equals 0x22 or 0x5C; the
    /// caller looks at the bytes from there on one by one.
    static func firstEscapedByte(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = utf8.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index + 8 <= utf8.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            // (x - k) & ~x has the high bit of some byte set exactly when some byte of x is below k.
            let control = (word &- ones &* 0x20) & ~word
            let isQuote = (quote &- ones) & ~quote
            let isBackslash = (backslash &- ones) & ~backslash
            if (control | isQuote | isBackslash) & highs != 0 { return index }
            index += 8
        }
        return index
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        }
    }

    private static let keySeparator = Array(" : ".utf8)
    /// Indentation for up to 32 levels, appended as a slice.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)
}

/// A value ``JSONWriter/field(_:_:)`` writes as one JSON scalar.
package protocol JSONScalar {
    func write(to json: inout JSONWriter)
}

extension String: JSONScalar {
    package func write(to json: inout JSONWriter) { json.string(self) }
}

extension Int: JSONScalar {
    package func write(to json: inout JSONWriter) { json.int(self) }
}

extension Double: JSONScalar {
    package func write(to json: inout JSONWriter) { json.double(self) }
}

extension Bool: JSONScalar {
    package func write(to json: inout JSONWriter) { json.bool(self) }
}
