/// Numbers by place in a file: a small open-addressed hash table of lines and columns, for
/// ``ScopeResolver``'s lookups of the spans it has met.
///
/// What a `[SourceLocation: Int]` does, for a fraction of the work: a multiply-shift hash of
/// line and column rather than a seeded hash, and linear probing in flat arrays. It grows to
/// stay at most half full, so a probe always meets an empty slot.
struct PlaceTable {
    /// The places, line and column in turn, and their values (-1 for an empty slot).
    private var lines: [Int]
    private var columns: [Int]
    private var values: [Int]
    /// The number of places stored.
    private(set) var count = 0
    /// `values.count - 1`; the slot count is a power of two.
    private var mask: Int
    /// The right shift that takes a hash's top bits as a slot.
    private var shift: Int

    /// A table with room for `capacity` places before it grows.
    init(capacity: Int = 0) {
        var slots = 16
        while slots < 2 * capacity { slots *= 2 }
        lines = Array(repeating: 0, count: slots)
        columns = Array(repeating: 0, count: slots)
        values = Array(repeating: -1, count: slots)
        mask = slots - 1
        shift = 64 - slots.trailingZeroBitCount
    }

    /// The first slot to probe for a place.
    @inline(__always)
    private func slot(line: Int, column: Int) -> Int {
        let mixed = (UInt64(bitPattern: Int64(line)) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bitPattern: Int64(column))
        return Int(truncatingIfNeeded: (mixed &* 0xBF58_476D_1CE4_E5B9) >> UInt64(shift))
    }

    /// The value stored at `location`, nil when none is.
    subscript(location: SourceLocation) -> Int? {
        var slot = slot(line: location.line, column: location.column)
        while values[slot] >= 0 {
            if lines[slot] == location.line, columns[slot] == location.column { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `value` at `location`, replacing the one stored there; a negative value is not stored.
    mutating func set(_ value: Int, at location: SourceLocation) {
        guard value >= 0 else { return }
        var slot = slot(line: location.line, column: location.column)
        while values[slot] >= 0 {
            if lines[slot] == location.line, columns[slot] == location.column {
                values[slot] = value
                return
            }
            slot = (slot + 1) & mask
        }
        lines[slot] = location.line
        columns[slot] = location.column
        values[slot] = value
        count += 1
        if 2 * count > values.count { grow() }
    }

    /// Doubles the slots and puts every place in again.
    private mutating func grow() {
        var larger = PlaceTable(capacity: values.count)
        for slot in values.indices where values[slot] >= 0 {
            larger.set(values[slot], at: SourceLocation(line: lines[slot], column: columns[slot]))
        }
        self = larger
    }
}
