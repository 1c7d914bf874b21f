/// Writes JSON into a byte buffer exactly as `JSONEncoder` with `.prettyPrinted`, `.sortedKeys`
/// and `.withoutEscapingSlashes` does: two spaces per level, `"key" : value`, an empty container
/// as an open and a close bracket with an empty line between, numbers as Swift prints them
/// without a trailing `.0`, and strings escaped only where JSON requires it (non-ASCII stays
/// UTF-8).
///
/// Keys must be written in sorted order (UTF-8 byte order) by the caller; the writer does not
/// reorder them. `JSONWriterTests` compares it with `JSONEncoder` on many random values.
package struct JSONWriter {
    /// The bytes written so far, after those the writer started with.
    package var bytes: [UInt8] {
        get { storage.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[..<length])) } }
        set {
            storage = newValue
            length = newValue.count
        }
    }
    /// The output in its first `length` bytes; the zeros after them are room to write into.
    ///
    /// Every write reserves its room once and copies through a pointer, instead of appending
    /// to an array piece by piece.
    private var storage: [UInt8]
    private var length: Int
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
        self.storage = bytes
        self.length = bytes.count
        self.baseLevel = level
        self.counts = counts
    }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }

    package mutating func endObject() { close(UInt8(ascii: "}")) }

    package mutating func beginArray() { open(UInt8(ascii: "[")) }

    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// `"key" : {`: an object under a key that needs no escaping.
    package mutating func beginObject(key: StaticString) {
        self.key(key)
        beginObject()
    }

    /// `"key" : [`: an array under a key that needs no escaping.
    package mutating func beginArray(key: StaticString) {
        self.key(key)
        beginArray()
    }

    /// Writes `"key" : `; a value must follow.
    package mutating func key(_ key: String) {
        element()
        append(quoted: key)
        append(" : ")
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
        append(value ? "true" : "false")
    }

    package mutating func null() {
        element()
        append("null")
    }

    /// A finite number as `JSONEncoder` writes it: `79.2`, `100`, `1e-07`, `-0`. `JSONEncoder`
    /// refuses a non-finite number; it is written `null` here.
    package mutating func double(_ value: Double) {
        element()
        guard value.isFinite else {
            append("null")
            return
        }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            // Swift prints these as digits and `.0`, which JSONEncoder drops.
            if value.sign == .minus && value == 0 { append("-") }
            appendDigits(Int(value))
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        appendUnescaped(text)
    }

    // MARK: Keyed values

    /// `"key" : value`, or nothing when the value is nil, as `JSONEncoder` leaves out nil optionals.
    ///
    /// `key` is written as it is: printable ASCII without `"` or `\`, as every key of our reports.
    package mutating func field(_ key: StaticString, _ value: (some JSONScalar)?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    /// An array of strings under `key`, which is written as it is (see ``field(_:_:)``).
    package mutating func field(_ key: StaticString, _ values: [String]) {
        self.key(key)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes `"key" : `, in one piece with the separator and indentation before it when the key
    /// needs no escaping (every key our reporters write); a value must follow.
    private mutating func key(_ key: StaticString) {
        guard Self.needsNoEscaping(key) else {
            // Written through the escaping path, so even a key it was not meant for is valid JSON.
            self.key(key.description)
            return
        }
        let (separator, indentation) = layout()
        let count = key.utf8CodeUnitCount
        write(separator + indentation + count + 5) { pointer in
            var at = Self.fillLayout(pointer, separator: separator, indentation: indentation)
            at.initialize(to: UInt8(ascii: "\""))
            (at + 1).update(from: key.utf8Start, count: count)
            at += count + 1
            let separator: StaticString = "\" : "
            at.update(from: separator.utf8Start, count: 4)
        }
        afterKey = true
    }

    /// Whether `key` can be written between quotes as it is: printable ASCII without quotes or
    /// backslashes. Eight bytes at a time, as it is asked for every key written.
    package static func needsNoEscaping(_ key: StaticString) -> Bool {
        guard key.hasPointerRepresentation else { return false }
        return needsNoEscaping(bytes: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    }

    /// ``needsNoEscaping(_:)`` for any bytes.
    package static func needsNoEscaping(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress, bytes.count >= 8 else {
            var found = false
            for byte in bytes { found = found || byte &- 0x20 >= 0x5F || byte == 0x22 || byte == 0x5C }
            return !found
        }
        let base = UnsafeRawPointer(start)
        let count = bytes.count
        // Eight bytes at a time, the last eight overlapping the word before them.
        var found = escapeBits(base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        var index = 0
        while index + 8 < count {
            found |= escapeBits(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        return found == 0
    }

    /// Non-zero when one of the eight bytes of `word` is below 0x20 or above 0x7E, or is a
    /// quote or a backslash (the classic "has a byte less than / more than / equal to" tests).
    static func escapeBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let control = (word &- 0x20 &* ones) & ~word & highs
        let beyondASCII = ((word &+ ones) | word) & highs
        return control | beyondASCII | hasZeroByte(word ^ (0x22 &* ones)) | hasZeroByte(word ^ (0x5C &* ones))
    }

    // MARK: Layout

    /// Before a value or a key: the separator from the previous element and the indentation.
    private mutating func element() {
        let (separator, indentation) = layout()
        guard separator + indentation > 0 else { return }
        write(separator + indentation) { pointer in
            _ = Self.fillLayout(pointer, separator: separator, indentation: indentation)
        }
    }

    /// Counts the element about to be written and says how many bytes of `,\n` (0 or 2) and of
    /// indentation go before it.
    private mutating func layout() -> (separator: Int, indentation: Int) {
        if afterKey {
            afterKey = false
            return (0, 0)
        }
        let top = counts.count - 1
        guard top >= 0 else { return (0, 0) }
        let separator = counts[top] > 0 ? 2 : 0
        counts[top] += 1
        return (separator, (baseLevel + counts.count) * 2)
    }

    /// Writes `,\n` when `separator` is 2, then `indentation` spaces; returns the next byte's place.
    private static func fillLayout(_ pointer: UnsafeMutablePointer<UInt8>, separator: Int, indentation: Int)
        -> UnsafeMutablePointer<UInt8>
    {
        if separator > 0 {
            pointer[0] = UInt8(ascii: ",")
            pointer[1] = UInt8(ascii: "\n")
        }
        (pointer + separator).update(repeating: UInt8(ascii: " "), count: indentation)
        return pointer + separator + indentation
    }

    private mutating func open(_ bracket: UInt8) {
        element()
        write(2) { pointer in
            pointer[0] = bracket
            pointer[1] = UInt8(ascii: "\n")
        }
        counts.append(0)
    }

    private mutating func close(_ bracket: UInt8) {
        counts.removeLast()
        let indentation = (baseLevel + counts.count) * 2
        write(indentation + 2) { pointer in
            pointer[0] = UInt8(ascii: "\n")
            (pointer + 1).update(repeating: UInt8(ascii: " "), count: indentation)
            pointer[indentation + 1] = bracket
        }
    }

    // MARK: Bytes

    /// Makes room for `count` more bytes, lets `body` write exactly that many, and counts them.
    @inline(__always)
    private mutating func write(_ count: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Void) {
        if length + count > storage.count { grow(by: count) }
        let start = length
        storage.withUnsafeMutableBufferPointer { buffer in body(buffer.baseAddress! + start) }
        length = start + count
    }

    /// Adds room for at least `count` bytes, doubling the storage so growing stays rare.
    private mutating func grow(by count: Int) {
        let newCount = Swift.max(length + count, storage.count * 2, 4096)
        let length = self.length
        storage = storage.withUnsafeBufferPointer { old in
            [UInt8](unsafeUninitializedCapacity: newCount) { buffer, initialized in
                let base = buffer.baseAddress!
                if let oldBase = old.baseAddress { base.initialize(from: oldBase, count: length) }
                (base + length).initialize(repeating: 0, count: newCount - length)
                initialized = newCount
            }
        }
    }

    /// Appends `bytes`.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        write(bytes.count) { $0.update(from: base, count: bytes.count) }
    }

    /// Appends a fixed fragment.
    private mutating func append(_ text: StaticString) {
        write(text.utf8CodeUnitCount) { $0.update(from: text.utf8Start, count: text.utf8CodeUnitCount) }
    }

    /// Appends a string's UTF-8 as it is.
    private mutating func appendUnescaped(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    private mutating func appendDigits(_ value: Int) {
        var magnitude = value.magnitude
        var digits = 1
        var limit: UInt = 10
        while digits < 20, magnitude >= limit {
            digits += 1
            limit = limit &* 10
        }
        let sign = value < 0 ? 1 : 0
        write(sign + digits) { pointer in
            if sign > 0 { pointer[0] = UInt8(ascii: "-") }
            var index = sign + digits - 1
            repeat {
                pointer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                index -= 1
            } while index >= sign
        }
    }

    private mutating func append(quoted value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ append(quotedUTF8: $0) }) != nil { return }
        var value = value
        value.withUTF8 { append(quotedUTF8: $0) }
    }

    /// `utf8` between quotes, escaped where JSON requires it; written in one piece when no byte
    /// needs an escape.
    private mutating func append(quotedUTF8 utf8: UnsafeBufferPointer<UInt8>) {
        let count = utf8.count
        var index = Self.firstEscapedByte(in: utf8, from: 0)
        while index < count {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
            index += 1
        }
        guard index < count else {
            write(count + 2) { pointer in
                pointer[0] = UInt8(ascii: "\"")
                if let base = utf8.baseAddress { (pointer + 1).update(from: base, count: count) }
                pointer[count + 1] = UInt8(ascii: "\"")
            }
            return
        }
        append("\"")
        var runStart = 0
        while index < count {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                appendEscape(byte)
            }
            index += 1
        }
        append(UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        append("\"")
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
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x08: append("\\b")
        case 0x09: append("\\t")
        case 0x0A: append("\\n")
        case 0x0C: append("\\f")
        case 0x0D: append("\\r")
        default:
            let hex: StaticString = "0123456789abcdef"
            let prefix: StaticString = "\\u00"
            let digits = hex.utf8Start
            write(6) { pointer in
                pointer.update(from: prefix.utf8Start, count: 4)
                pointer[4] = digits[Int(byte >> 4)]
                pointer[5] = digits[Int(byte & 0xF)]
            }
        }
    }
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
