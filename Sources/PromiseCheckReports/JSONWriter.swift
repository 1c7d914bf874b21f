/// Writes JSON into a byte buffer exactly as `JSONEncoder` with `.prettyPrinted`, `.sortedKeys`
/// and `.withoutEscapingSlashes` does: two spaces per level, `"key" : value`, an empty container
/// as an open and a close bracket with an empty line between, numbers as Swift prints them
/// without a trailing `.0`, and strings escaped only where JSON requires it (non-ASCII stays
/// UTF-8).
///
/// Keys must be written in sorted order (UTF-8 byte order) by the caller; the writer does not
/// reorder them. `JSONWriterTests` compares it with `JSONEncoder` on many random values.
///
/// The writer owns its buffer (it cannot be copied, so no write checks for a shared one), and
/// writes whole eight-byte words where it can: its buffer keeps ``slack`` bytes of room after
/// every write, which a word may run into before the next write covers them.
package struct JSONWriter: ~Copyable {
    /// The bytes written so far, after those the writer started with.
    package var bytes: [UInt8] {
        get { Array(UnsafeBufferPointer(start: base, count: length)) }
        set {
            length = 0
            newValue.withUnsafeBufferPointer { append($0) }
        }
    }
    /// The output in its first `length` bytes, in room for `capacity`; the rest is uninitialized.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var length = 0
    /// How many containers are open.
    private var depth: Int
    /// Spaces before an element of the innermost open container.
    private var indentation: Int
    /// The innermost open container holds an element already, so the next needs `,\n` first.
    private var hasElements: Bool
    /// A key was just written, so the next value needs no separator.
    private var afterKey = false
    /// The writer allocated `base` and frees it; false while it writes in an array's room
    /// (``written(after:level:capacity:_:)``), until it outgrows that.
    private var ownsBase = true

    /// Room kept after every write, for words stored past its end.
    private static let slack = 16

    /// A writer that appends to `bytes`, with the outermost value at nesting `level`.
    ///
    /// - Parameters:
    ///   - resuming: for a document written in parts, the containers an earlier writer left
    ///     open, outermost first, each with the number of elements it already holds.
    ///   - capacity: how many bytes to make room for at first; the room grows as needed.
    package init(into bytes: [UInt8] = [], level: Int = 0, resuming counts: [Int] = [], capacity: Int = 0) {
        self.capacity = Swift.max(bytes.count + Swift.max(capacity, 0), 256) + Self.slack
        self.base = .allocate(capacity: self.capacity)
        self.depth = counts.count
        self.indentation = (level + counts.count) * 2
        self.hasElements = (counts.last ?? 0) > 0
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// A writer in the room of `buffer` (at least ``slack`` bytes and an address), which it
    /// neither frees nor grows: it moves to room of its own when it needs more.
    private init(room buffer: UnsafeMutableBufferPointer<UInt8>, start: UnsafeMutablePointer<UInt8>, level: Int) {
        self.capacity = buffer.count
        self.base = start
        self.ownsBase = false
        self.depth = 0
        self.indentation = level * 2
        self.hasElements = false
    }

    deinit { if ownsBase { base.deallocate() } }

    /// `prefix` and what `body` writes after it, with the outermost value at nesting `level`,
    /// written straight into a new array with room for `capacity` more bytes: the array is the
    /// result, not a copy of the writer's bytes, unless the part outgrew that room.
    package static func written(
        after prefix: [UInt8], level: Int, capacity: Int, _ body: (inout JSONWriter) -> Void
    ) -> [UInt8] {
        var outgrown: [UInt8]?
        let room = prefix.count + Swift.max(capacity, 256) + slack
        let result = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
            guard let start = buffer.baseAddress, buffer.count >= room else {
                var json = JSONWriter(into: prefix, level: level, capacity: capacity)
                body(&json)
                outgrown = json.bytes
                count = 0
                return
            }
            var json = JSONWriter(room: buffer, start: start, level: level)
            prefix.withUnsafeBufferPointer { json.append($0) }
            body(&json)
            if json.ownsBase {
                outgrown = json.bytes
                count = 0
            } else {
                count = json.length
            }
        }
        return outgrown ?? result
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
        var key = key
        let written = key.withUTF8 { utf8 in
            guard let start = utf8.baseAddress else { return false }
            return plainKey(start, count: utf8.count)
        }
        guard !written else { return }
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
        if let scaled = Self.tenThousandths(value) {
            appendDecimal(scaled)
            return
        }
        var text = Self.describedNumber(value)
        text.withUTF8 { append($0) }
    }

    /// A number as Swift prints it, without a trailing `.0`: what ``double(_:)`` writes, and
    /// what it writes for any number ``tenThousandths(_:)`` leaves to it.
    package static func describedNumber(_ value: Double) -> String {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `value` × 10,000 as a whole number when `value` is the `Double` nearest a decimal with at
    /// most four places and its magnitude is at least 0.001 and below 10^9 (rounded scores and
    /// fractions are); nil otherwise.
    ///
    /// For such a number Swift prints that decimal: it reads back as `value`, and any other
    /// decimal of as few digits is at least 10^-5 away, farther than the 10^-7 within which a
    /// decimal reads back as a `Double` below 10^9. Swift writes numbers of that size without an
    /// exponent.
    package static func tenThousandths(_ value: Double) -> Int? {
        let magnitude = abs(value)
        guard magnitude >= 0.001, magnitude < 1e9 else { return nil }
        let scaled = (magnitude * 10000).rounded()
        // Division rounds to the nearest `Double`: equal means `value` is the one nearest the decimal.
        guard scaled / 10000 == magnitude else { return nil }
        return value < 0 ? -Int(scaled) : Int(scaled)
    }

    /// `scaled` / 10,000 as a decimal: the whole part, and the fraction's digits without
    /// trailing zeros after a point when there is a fraction.
    private mutating func appendDecimal(_ scaled: Int) {
        if scaled < 0 { append("-") }
        let magnitude = Int(scaled.magnitude)
        appendDigits(magnitude / 10000)
        var fraction = magnitude % 10000
        guard fraction > 0 else { return }
        var places = 4
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        let target = room(places + 1)
        target[0] = UInt8(ascii: ".")
        var index = places
        repeat {
            target[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction % 10)
            fraction /= 10
            index -= 1
        } while index > 0
        length += places + 1
    }

    // MARK: Keyed values

    /// `"key" : value`, or nothing when the value is nil, as `JSONEncoder` leaves out nil optionals.
    ///
    /// `key` is meant to need no escaping (printable ASCII without `"` or `\`, as every key of
    /// our reports); one that does is escaped all the same.
    @inline(__always)
    package mutating func field(_ key: StaticString, _ value: (some JSONScalar)?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    /// `"key" : value` as ``field(_:_:)`` writes it outside any container, without layout
    /// before it: a member for ``member(_:)`` to copy into an object. `body` writes one field
    /// with a scalar value.
    package static func member(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var json = JSONWriter()
        body(&json)
        return json.bytes
    }

    /// The next member of the open object from bytes ``member(_:)`` made: the separator and
    /// indentation before it, then the bytes as they are; nothing when they are empty (a field
    /// without a value).
    package mutating func member(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let (separator, indentation) = layout()
        let total = separator + indentation + bytes.count
        Self.fillLayout(room(total), separator: separator, indentation: indentation)
            .update(from: source, count: bytes.count)
        length += total
    }

    /// ``member(_:)`` of the bytes of `bytes` in `range`.
    package mutating func member(_ bytes: [UInt8], _ range: Range<Int>) {
        bytes.withUnsafeBufferPointer { member(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// An array of strings under `key` (see ``field(_:_:)``).
    package mutating func field(_ key: StaticString, _ values: [String]) {
        self.key(key)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes `"key" : `, in one piece with the separator and indentation before it when the key
    /// needs no escaping (every key our reporters write); a value must follow.
    ///
    /// Always inlined, with ``plainKey(_:count:)``: the compiler then sees the key's bytes and
    /// decides at build time that a fixed key needs no escaping.
    @inline(__always)
    private mutating func key(_ key: StaticString) {
        if key.hasPointerRepresentation, plainKey(key.utf8Start, count: key.utf8CodeUnitCount) { return }
        // Written through the escaping path, so even a key it was not meant for is valid JSON.
        self.key(key.description)
    }

    /// Writes `"key" : ` with the layout before it, in one piece, when the `count` bytes at
    /// `start` are printable ASCII without `"` or `\`; otherwise writes nothing and returns false.
    ///
    /// A key of up to 16 bytes is read and written as two words that may overlap (of eight,
    /// four, two or one bytes), tested for bytes to escape on the way.
    @inline(__always)
    private mutating func plainKey(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        let source = UnsafeRawPointer(start)
        let width: Int
        var first: UInt64 = 0
        var last: UInt64 = 0
        let found: UInt64
        // Bytes of a test word that the key does not fill are spaces, which need no escaping.
        let spaces: UInt64 = 0x2020_2020_2020_2020
        switch count {
        case 8...16:
            width = 8
            first = source.loadUnaligned(as: UInt64.self)
            last = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            found = Self.escapeBits(first) | Self.escapeBits(last)
        case 4..<8:
            width = 4
            first = UInt64(source.loadUnaligned(as: UInt32.self))
            last = UInt64(source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            found = Self.escapeBits(first | last << 32)
        case 2..<4:
            width = 2
            first = UInt64(source.loadUnaligned(as: UInt16.self))
            last = UInt64(source.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self))
            found = Self.escapeBits(first | last << 16 | spaces << 32)
        case 1:
            width = 1
            first = UInt64(start[0])
            found = Self.escapeBits(first | spaces << 8)
        case 0:
            width = 0
            found = 0
        default:
            width = 16
            found = Self.needsNoEscaping(bytes: UnsafeBufferPointer(start: start, count: count)) ? 0 : 1
        }
        guard found == 0 else { return false }
        let (separator, indentation) = layout()
        let total = separator + indentation + count + 5
        let quote = Self.fillLayout(room(total), separator: separator, indentation: indentation)
        quote.initialize(to: UInt8(ascii: "\""))
        let target = UnsafeMutableRawPointer(quote + 1)
        switch width {
        case 8:
            target.storeBytes(of: first, as: UInt64.self)
            target.storeBytes(of: last, toByteOffset: count - 8, as: UInt64.self)
        case 4:
            target.storeBytes(of: UInt32(truncatingIfNeeded: first), as: UInt32.self)
            target.storeBytes(of: UInt32(truncatingIfNeeded: last), toByteOffset: count - 4, as: UInt32.self)
        case 2:
            target.storeBytes(of: UInt16(truncatingIfNeeded: first), as: UInt16.self)
            target.storeBytes(of: UInt16(truncatingIfNeeded: last), toByteOffset: count - 2, as: UInt16.self)
        case 1: target.storeBytes(of: UInt8(truncatingIfNeeded: first), as: UInt8.self)
        case 0: break
        default: target.copyMemory(from: source, byteCount: count)
        }
        // `" : ` after the key.
        target.storeBytes(of: UInt32(0x203A_2022).littleEndian, toByteOffset: count, as: UInt32.self)
        length += total
        afterKey = true
        return true
    }

    /// Whether `key` can be written between quotes as it is: printable ASCII without quotes or
    /// backslashes.
    package static func needsNoEscaping(_ key: StaticString) -> Bool {
        guard key.hasPointerRepresentation else { return false }
        return needsNoEscaping(bytes: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    }

    /// ``needsNoEscaping(_:)`` for any bytes, eight at a time.
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
    @inline(__always)
    static func escapeBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let beyondASCII = ((word &+ ones) | word) & highs
        return beyondASCII | stringEscapeBits(word)
    }

    /// Non-zero when one of the eight bytes of `word` is one JSON escapes in a string: below
    /// 0x20, a quote or a backslash. (`(x - k) & ~x` has the high bit of some byte set exactly
    /// when some byte of x is below k.)
    @inline(__always)
    static func stringEscapeBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let isQuote = (quote &- ones) & ~quote
        let isBackslash = (backslash &- ones) & ~backslash
        return (control | isQuote | isBackslash) & highs
    }

    // MARK: Layout

    /// Before a value or a key: the separator from the previous element and the indentation.
    @inline(__always)
    private mutating func element() {
        let (separator, indentation) = layout()
        guard separator + indentation > 0 else { return }
        _ = Self.fillLayout(room(separator + indentation), separator: separator, indentation: indentation)
        length += separator + indentation
    }

    /// Counts the element about to be written and says how many bytes of `,\n` (0 or 2) and of
    /// indentation go before it: none after a key or outside any container.
    @inline(__always)
    private mutating func layout() -> (separator: Int, indentation: Int) {
        if afterKey {
            afterKey = false
            return (0, 0)
        }
        guard depth > 0 else { return (0, 0) }
        let separator = hasElements ? 2 : 0
        hasElements = true
        return (separator, indentation)
    }

    /// Writes `,\n` when `separator` is 2, then `indentation` spaces (and up to seven more, which
    /// the room after a write allows); returns the place after the indentation.
    @inline(__always)
    private static func fillLayout(_ pointer: UnsafeMutablePointer<UInt8>, separator: Int, indentation: Int)
        -> UnsafeMutablePointer<UInt8>
    {
        let raw = UnsafeMutableRawPointer(pointer)
        if separator > 0 { raw.storeBytes(of: UInt16(0x0A2C).littleEndian, as: UInt16.self) }
        fillSpaces(raw + separator, count: indentation)
        return pointer + separator + indentation
    }

    /// Writes `count` spaces and up to seven more, eight at a time.
    @inline(__always)
    private static func fillSpaces(_ raw: UnsafeMutableRawPointer, count: Int) {
        var offset = 0
        while offset < count {
            raw.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
    }

    private mutating func open(_ bracket: UInt8) {
        let (separator, indentation) = layout()
        let total = separator + indentation + 2
        let at = Self.fillLayout(room(total), separator: separator, indentation: indentation)
        at[0] = bracket
        at[1] = UInt8(ascii: "\n")
        length += total
        depth += 1
        self.indentation += 2
        hasElements = false
    }

    private mutating func close(_ bracket: UInt8) {
        precondition(depth > 0, "a container is closed that was not opened")
        depth -= 1
        indentation -= 2
        // The container closed is an element of the one around it.
        hasElements = true
        let target = room(indentation + 2)
        target[0] = UInt8(ascii: "\n")
        Self.fillSpaces(UnsafeMutableRawPointer(target + 1), count: indentation)
        target[indentation + 1] = bracket
        length += indentation + 2
    }

    // MARK: Bytes

    /// Makes sure of room for `count` more bytes and ``slack`` after them; returns where they go.
    @inline(__always)
    private mutating func room(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity - length < count + Self.slack { grow(by: count) }
        return base + length
    }

    /// Adds room for at least `count` bytes and the slack, doubling the buffer so growing stays rare.
    @inline(never)
    private mutating func grow(by count: Int) {
        let newCapacity = Swift.max(length + count + Self.slack, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: length)
        if ownsBase { base.deallocate() }
        ownsBase = true
        base = newBase
        capacity = newCapacity
    }

    /// Appends `bytes`.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        room(bytes.count).update(from: source, count: bytes.count)
        length += bytes.count
    }

    /// Appends a fixed fragment.
    private mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
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
        let target = room(sign + digits)
        if sign > 0 { target[0] = UInt8(ascii: "-") }
        var index = sign + digits - 1
        repeat {
            target[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            index -= 1
        } while index >= sign
        length += sign + digits
    }

    private mutating func append(quoted value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ append(quotedUTF8: $0) }) != nil { return }
        var value = value
        value.withUTF8 { append(quotedUTF8: $0) }
    }

    /// `utf8` between quotes, escaped where JSON requires it, in one pass: each run of bytes
    /// that need no escape is copied a word at a time straight to its place, up to the byte to
    /// escape that ends it.
    private mutating func append(quotedUTF8 utf8: UnsafeBufferPointer<UInt8>) {
        let count = utf8.count
        room(count + 2)[0] = UInt8(ascii: "\"")
        length += 1
        if let start = utf8.baseAddress {
            var offset = 0
            while true {
                let rest = count - offset
                // Room for the rest, an escape of up to six bytes and the closing quote.
                let copied = Self.copyToEscape(
                    UnsafeBufferPointer(start: start + offset, count: rest), to: room(rest + 7))
                length += copied
                offset += copied
                guard offset < count else { break }
                appendEscape(of: start[offset])
                offset += 1
            }
        }
        room(1)[0] = UInt8(ascii: "\"")
        length += 1
    }

    /// Appends the escape of `byte`, in room the caller made sure of.
    @inline(__always)
    private mutating func appendEscape(of byte: UInt8) {
        let escape = room(6)
        escape[0] = UInt8(ascii: "\\")
        let written: Int
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            escape[1] = byte
            written = 2
        case 0x08, 0x09, 0x0A, 0x0C, 0x0D:
            // b, t, n, f and r, by the byte less 8 (0x0B is written as a \u escape).
            let letters: StaticString = "btn_fr"
            escape[1] = letters.utf8Start[Int(byte) - 8]
            written = 2
        default:
            let hex: StaticString = "0123456789abcdef"
            escape[1] = UInt8(ascii: "u")
            escape[2] = UInt8(ascii: "0")
            escape[3] = UInt8(ascii: "0")
            escape[4] = hex.utf8Start[Int(byte >> 4)]
            escape[5] = hex.utf8Start[Int(byte & 0xF)]
            written = 6
        }
        length += written
    }

    /// Whether JSON escapes `byte` in a string.
    @inline(__always)
    package static func isEscaped(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Copies the bytes of `utf8` before the first one JSON escapes (a control character, `"`
    /// or `\\`) to `target` and returns how many there are: `utf8.count` when none is escaped.
    ///
    /// Copies eight bytes at a time, the last eight overlapping the word before them, so it may
    /// write up to `utf8.count` bytes at `target` whatever it returns. The lowest flagged byte of
    /// ``stringEscapeBits(_:)`` is exact (a borrow only runs from a byte that is flagged to those
    /// after it), and the first in the text read little-endian. Always inlined: strings are
    /// short enough that the call itself costs.
    @inline(__always)
    package static func copyToEscape(_ utf8: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) -> Int
    {
        guard let start = utf8.baseAddress else { return 0 }
        let count = utf8.count
        guard count >= 8 else {
            for index in 0..<count {
                let byte = start[index]
                if isEscaped(byte) { return index }
                target[index] = byte
            }
            return count
        }
        let source = UnsafeRawPointer(start)
        let destination = UnsafeMutableRawPointer(target)
        var index = 0
        // Sixteen bytes a round, tested together.
        while index + 16 <= count {
            let first = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let second = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
            destination.storeBytes(of: first.littleEndian, toByteOffset: index, as: UInt64.self)
            destination.storeBytes(of: second.littleEndian, toByteOffset: index + 8, as: UInt64.self)
            let firstBits = stringEscapeBits(first)
            if firstBits | stringEscapeBits(second) != 0 {
                if firstBits != 0 { return index + firstBits.trailingZeroBitCount / 8 }
                return index + 8 + stringEscapeBits(second).trailingZeroBitCount / 8
            }
            index += 16
        }
        if index + 8 <= count {
            let word = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            destination.storeBytes(of: word.littleEndian, toByteOffset: index, as: UInt64.self)
            let bits = stringEscapeBits(word)
            if bits != 0 { return index + bits.trailingZeroBitCount / 8 }
            index += 8
        }
        guard index < count else { return count }
        // The last eight bytes, overlapping the words before them: the bytes tested already are
        // clean, so they are not flagged and no borrow runs from them.
        let last = count - 8
        let word = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: last, as: UInt64.self))
        destination.storeBytes(of: word.littleEndian, toByteOffset: last, as: UInt64.self)
        let bits = stringEscapeBits(word)
        return bits == 0 ? count : last + bits.trailingZeroBitCount / 8
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
