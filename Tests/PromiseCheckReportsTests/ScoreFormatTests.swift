import PromiseCheckReports
import Testing

/// How scores are written: one decimal, and whole numbers without one.
@Suite("ScoreFormat")
struct ScoreFormatTests {
    @Test(
        "ScoreFormat.number",
        arguments: [
            (0, "0"), (100, "100"), (88, "88"), (87.5, "87.5"), (87.46, "87.5"), (87.44, "87.4"), (99.96, "100"),
            (99.94, "99.9"), (57.14285714, "57.1"), (66.66666, "66.7"), (0.04, "0"), (0.05, "0.1"), (12.0001, "12"),
            (-0.04, "0"),
        ] as [(Double, String)])
    func number(value: Double, expected: String) {
        #expect(ScoreFormat.number(value) == expected)
    }

    @Test(
        "ScoreFormat.number does not trap outside 0…100")
    func numberOutOfRange() {
        #expect(ScoreFormat.number(1e300) != "")
        #expect(ScoreFormat.number(.infinity) != "")
    }
}
