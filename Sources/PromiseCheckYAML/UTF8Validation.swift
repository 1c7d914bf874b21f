/// Finds where bytes stop being well-formed UTF-8, for every reader's message.
package enum UTF8Validation {
    /// The offset of the first byte of the first ill-formed UTF-8 sequence from `start`, or,
    /// with `stoppingAtNUL`, of the first NUL byte if that comes first; nil when there is none.
    ///
    /// Runs of ASCII are skipped eight bytes at a time.
    package static func firstBadByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, stoppingAtNUL: Bool)
        -> Int?
    {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var index = start
        while index < count {
            // Eight ASCII bytes (without a NUL, when NULs stop) at a time.
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let hasHighBit = word & 0x8080_8080_8080_8080
                let hasZero = stoppingAtNUL ? (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 : 0
                if hasHighBit | hasZero != 0 { break }
                index += 8
            }
            guard index < count else { return nil }
            let lead = base[index]
            if lead < 0x80 {
                if lead == 0 && stoppingAtNUL { return index }
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return index
            }
            guard index + length <= count, base[index + 1] >= low, base[index + 1] <= high else { return index }
            for next in (index + 2)..<(index + length) where base[next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
