import Testing

@testable import PromiseCheck

/// ``PlaceTable`` stores and finds what a `[SourceLocation: Int]` does.
@Suite struct PlaceTableTests {
    private typealias Place = PromiseCheck.SourceLocation

    @Test(arguments: 0..<20)
    func findsWhatADictionaryFinds(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        var table = PlaceTable(capacity: Int.random(in: 0...8, using: &generator))
        var reference: [Place: Int] = [:]
        // Few lines and columns, so that places repeat; some far apart or negative.
        let lines = Int.random(in: 1...50, using: &generator)
        func place() -> Place {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: Place(line: Int.random(in: Int.min...Int.max, using: &generator), column: 1)
            case 1: Place(line: -Int.random(in: 0...3, using: &generator), column: -1)
            default:
                Place(
                    line: Int.random(in: 1...lines, using: &generator), column: Int.random(in: 1...6, using: &generator)
                )
            }
        }
        for step in 0..<600 {
            let location = place()
            if Bool.random(using: &generator) {
                table.set(step, at: location)
                reference[location] = step
            }
            #expect(table[location] == reference[location], "seed \(seed) step \(step) at \(location)")
            #expect(table.count == reference.count)
        }
        for location in reference.keys { #expect(table[location] == reference[location]) }
    }

    @Test func aNegativeValueIsNotStored() {
        var table = PlaceTable()
        table.set(-1, at: .start)
        #expect(table[.start] == nil)
        #expect(table.count == 0)
    }
}
