import CoreFoundation
import Foundation

/// A pack's regular expression matched on UTF-16 the caller holds.
///
/// `NSRegularExpression` takes a `String`, which Foundation on Linux copies into UTF-16 for
/// ICU unit by unit on every call, and hands back each match as an object whose range the
/// caller turns into string indices again; in the `pattern` check that cost twice what ICU
/// did. This compiles the same pattern with the same options through the CoreFoundation
/// function `NSRegularExpression` itself calls, and gives ICU a `CFString` over the caller's
/// UTF-16, which ICU then reads in place; matches come back as ranges of UTF-16 offsets.
///
/// The deadline works as in ``NSRegularExpression/matches(in:range:before:first:tame:)``.
// CoreFoundation's regular expression is immutable once made, and each matching checks out
// its ICU matcher with an atomic flag or clones it, which is what lets one
// `NSRegularExpression` (a wrapper of the same object) be used on many threads at once.
final class UTF16Pattern: @unchecked Sendable {
    /// The pattern as given.
    let pattern: String
    let options: NSRegularExpression.Options
    /// The expression it was made from, if any; matched through `String` when CoreFoundation
    /// would not compile the pattern again (it compiled it once already, so that is not expected).
    private let expression: NSRegularExpression?
    private let compiled: _CFRegularExpression?

    /// The pattern of `expression`, compiled again for matching on UTF-16.
    init(_ expression: NSRegularExpression) {
        self.pattern = expression.pattern
        self.options = expression.options
        self.expression = expression
        compiled = Self.compile(expression.pattern, options: expression.options)
    }

    /// `pattern` compiled once, as `NSRegularExpression(pattern:options:)` compiles it; nil
    /// where that throws (it calls the same CoreFoundation function, with the same options).
    init?(pattern: String, options: NSRegularExpression.Options) {
        guard let compiled = Self.compile(pattern, options: options) else { return nil }
        self.pattern = pattern
        self.options = options
        self.expression = nil
        self.compiled = compiled
    }

    private static func compile(_ pattern: String, options: NSRegularExpression.Options) -> _CFRegularExpression? {
        let units = Array(pattern.utf16)
        return units.withUnsafeBufferPointer { units -> _CFRegularExpression? in
            guard let string = CFStringCreateWithCharacters(kCFAllocatorSystemDefault, units.baseAddress, units.count)
            else { return nil }
            var error: Unmanaged<CFError>?
            let compiled = _CFRegularExpressionCreate(
                kCFAllocatorSystemDefault, string, _CFRegularExpressionOptions(rawValue: options.rawValue), &error)
            error?.release()
            return compiled
        }
    }

    /// What one matching collects; the match callback reaches it through its context pointer.
    private struct Enumeration {
        let deadline: RegexDeadline
        let watched: Bool
        var ranges: [Range<Int>] = []
        var calls = 0
        var finished = true
    }

    /// The UTF-16 ranges of the matches in `units` found before `deadline`, in text order, and
    /// whether matching finished.
    ///
    /// With `tame` (see ``RegexShape/isTame(_:)``), a text of at most ``RegexShape/shortText``
    /// units is matched without progress reports.
    func matches(in units: UnsafeBufferPointer<UInt16>, before deadline: RegexDeadline, tame: Bool = false)
        -> (ranges: [Range<Int>], finished: Bool)
    {
        guard !deadline.hasPassed else { return ([], false) }
        var empty: UInt16 = 0
        return withUnsafeMutablePointer(to: &empty) { emptyUnit in
            let start = units.baseAddress.map { UnsafeMutablePointer(mutating: $0) } ?? emptyUnit
            guard let compiled,
                let string = CFStringCreateWithCharactersNoCopy(
                    kCFAllocatorSystemDefault, start, units.count, kCFAllocatorNull)
            else { return matchesThroughString(in: units, before: deadline, tame: tame) }
            let watched = RegexShape.needsWatching(tame: tame, length: units.count)
            var enumeration = Enumeration(deadline: deadline, watched: watched)
            let options = _CFRegularExpressionMatchingOptions(
                rawValue: watched ? NSRegularExpression.MatchingOptions.reportProgress.rawValue : 0)
            withUnsafeMutablePointer(to: &enumeration) { context in
                _CFRegularExpressionEnumerateMatchesInString(
                    compiled, string, options, CFRange(location: 0, length: units.count), context,
                    UTF16Pattern.collect)
            }
            return (enumeration.ranges, enumeration.finished)
        }
    }

    /// The match callback: records a match, and while watched reads the clock every 64th call.
    private static let collect: _CFRegularExpressionMatch = { context, ranges, count, _, stop in
        guard let enumeration = context?.assumingMemoryBound(to: Enumeration.self) else { return }
        if let ranges, count > 0 {
            let range = ranges[0]
            enumeration.pointee.ranges.append(range.location..<(range.location + range.length))
        }
        guard enumeration.pointee.watched else { return }
        // A callback comes at most every few thousand steps; the clock is read every 64th.
        enumeration.pointee.calls &+= 1
        if enumeration.pointee.calls & 63 == 0, enumeration.pointee.deadline.hasPassed {
            enumeration.pointee.finished = false
            stop.pointee = true
        }
    }

    /// The same matching through `NSRegularExpression` and a `String` of the units.
    private func matchesThroughString(
        in units: UnsafeBufferPointer<UInt16>, before deadline: RegexDeadline, tame: Bool
    ) -> (ranges: [Range<Int>], finished: Bool) {
        guard let expression = expression ?? (try? NSRegularExpression(pattern: pattern, options: options)) else {
            return ([], true)
        }
        let text = String(decoding: units, as: UTF16.self)
        let (matches, finished) = expression.matches(in: text, before: deadline, tame: tame)
        return (matches.map { $0.range.location..<($0.range.location + $0.range.length) }, finished)
    }
}

/// UTF-16 made from UTF-8 in one pass, and UTF-16 offsets mapped back to UTF-8.
enum UTF16Transcoding {
    /// Writes the UTF-16 of `bytes`, which must be valid UTF-8 (a `String`'s), to `units`,
    /// which has room for at least `bytes.count` units, and returns how many it wrote.
    ///
    /// A UTF-8 sequence never takes fewer units than bytes, so `bytes.count` is always room
    /// enough. A sequence cut off at the end (which valid UTF-8 never has) is left out.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to units: UnsafeMutablePointer<UInt16>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        var index = 0
        var written = 0
        while index < count {
            // Eight ASCII bytes at a time.
            if count - index >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if word & 0x8080_8080_8080_8080 == 0 {
                    for shift in 0..<8 {
                        units[written + shift] = UInt16(truncatingIfNeeded: word &>> UInt64(shift * 8)) & 0xFF
                    }
                    index += 8
                    written += 8
                    continue
                }
            }
            let lead = UInt32(base[index])
            if lead < 0x80 {
                units[written] = UInt16(lead)
                index += 1
                written += 1
                continue
            }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard count - index >= length else { break }
            var scalar = lead & (0x7F >> UInt32(length))
            for offset in 1..<length { scalar = scalar << 6 | (UInt32(base[index + offset]) & 0x3F) }
            index += length
            if scalar < 0x1_0000 {
                units[written] = UInt16(truncatingIfNeeded: scalar)
                written += 1
            } else {
                let above = scalar &- 0x1_0000
                units[written] = UInt16(truncatingIfNeeded: 0xD800 + (above >> 10))
                units[written + 1] = UInt16(truncatingIfNeeded: 0xDC00 + (above & 0x3FF))
                written += 2
            }
        }
        return written
    }

    /// A walk over valid UTF-8 that keeps its UTF-8, UTF-16 and scalar offsets.
    struct Walk {
        let bytes: UnsafeBufferPointer<UInt8>
        private(set) var byteOffset = 0
        private(set) var unitOffset = 0
        private(set) var scalarOffset = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// Moves on to the scalar that starts at UTF-16 offset `target`, or back to the start
        /// first when `target` lies behind. False when `target` is past the end or inside a
        /// scalar (between the two units of a surrogate pair); the walk then stands at the
        /// last scalar before it.
        mutating func move(toUnit target: Int) -> Bool {
            if target < unitOffset { self = Walk(bytes) }
            while unitOffset < target, byteOffset < bytes.count {
                let lead = bytes[byteOffset]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let width = length == 4 ? 2 : 1
                if unitOffset + width > target { return false }
                byteOffset = min(byteOffset + length, bytes.count)
                unitOffset += width
                scalarOffset += 1
            }
            return unitOffset == target
        }
    }
}
