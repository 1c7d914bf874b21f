import Testing

@testable import PromiseCheck

@Suite struct MessageTemplateTests {
    @Test func placeholdersInOrder() {
        #expect(
            MessageTemplate.placeholders(in: "Åtagandet {title} har {count} av {min} i {område} ({min})")
                == ["title", "count", "min", "område", "min"])
    }

    @Test func bracesThatAreNotPlaceholders() {
        #expect(MessageTemplate.placeholders(in: "{} {två ord} {a-b} {n2} {x_y}") == ["x_y"])
        #expect(MessageTemplate.placeholders(in: "öppen {title utan slut") == [])
        #expect(MessageTemplate.placeholders(in: "inga alls") == [])
    }

    @Test func renderFillsValues() {
        #expect(
            MessageTemplate.render(
                "Åtagandet {title} har {count} av {min} tal", ["title": "Vandringar", "count": "1", "min": "2"])
                == "Åtagandet Vandringar har 1 av 2 tal")
        #expect(MessageTemplate.render("{area}: {area}", ["area": "Ekby"]) == "Ekby: Ekby")
    }

    @Test func missingValueIsLeftOutWithItsSpace() {
        #expect(MessageTemplate.render("Åtagandet {title} saknar mål", [:]) == "Åtagandet saknar mål")
        #expect(MessageTemplate.render("{title} saknar mål", [:]) == "saknar mål")
        #expect(MessageTemplate.render("Mål saknas {title}", ["title": ""]) == "Mål saknas")
    }

    @Test func nonPlaceholderBracesAreKept() {
        #expect(
            MessageTemplate.render("regeln {a-b} och {} gäller {x}", ["x": "här"]) == "regeln {a-b} och {} gäller här")
        #expect(MessageTemplate.render("öppen {title", ["title": "x"]) == "öppen {title")
    }

    @Test func textWithoutPlaceholdersIsUnchanged() {
        #expect(MessageTemplate.render("Löftet anger inget område", ["area": "Ekby"]) == "Löftet anger inget område")
    }

    /// The renderer as it was, over `Character`s, which the byte renderer must agree with.
    static func referenceRender(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else {
                result += rest[open...]
                return result
            }
            let name = String(after[..<close])
            if name.allSatisfy({ $0.isLetter || $0 == "_" }), !name.isEmpty {
                result += values[name] ?? ""
            } else {
                result += rest[open...close]
            }
            rest = after[after.index(after: close)...]
        }
        result += rest
        return result.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    @Test(arguments: 0..<30)
    func rendersAsTheCharacterRenderer(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let pieces = [
            "{title}", "{count}", "{område}", "{}", "{två ord}", "{n2}", "{x_y}", "{", "}", " ", "  ", "åtagandet",
            "\"", "saknar", "mål", "e\u{301}", "\t", "\n", "{min}", "(", ")",
        ]
        let values = ["title": "Trygg  park", "count": "3", "område": " Ekby ", "x_y": "", "min": "2"]
        for _ in 0..<200 {
            let template = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            #expect(
                MessageTemplate.render(template, MessageVariables(values)) == Self.referenceRender(template, values),
                "seed \(seed): \(template.debugDescription)")
        }
    }

    /// One compiled template, filled with many sets of values (missing, empty, with runs of
    /// spaces at either end, non-ASCII), gives what the character renderer gives each time.
    @Test(arguments: 0..<30)
    func compiledTemplatesFillAsTheCharacterRenderer(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let pieces = [
            "{title}", "{count}", "{område}", "{}", "{två ord}", "{x_y}", "{", "}", " ", "   ", "åtagandet", "ö",
            "{min}", "(", ")", "{title}{count}", "e\u{301}", "\t",
        ]
        let texts = ["", " ", "  ", "Trygg  park", " Ekby ", "3", "ÅÄÖ åäö", "a b  c   ", "{title}", "😀 x"]
        let names = ["title", "count", "område", "x_y", "min"]
        for _ in 0..<20 {
            let template = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let compiled = MessageTemplate.Compiled(template)
            for _ in 0..<10 {
                var values: [String: String] = [:]
                for name in names where Bool.random(using: &generator) {
                    values[name] = texts.randomElement(using: &generator)
                }
                #expect(
                    compiled.render(MessageVariables(values)) == Self.referenceRender(template, values),
                    "seed \(seed): \(template.debugDescription) \(values)")
            }
        }
    }

    /// Values that grow after they are first asked for.
    final class GrowingValues: MessageTemplate.MessageValues {
        var asked = 0
        func value(_ name: String) -> String? {
            asked += 1
            return asked <= 2 ? name : String(repeating: name, count: 100)
        }
    }

    /// Each value is asked for once: one that would grow when asked again is written as first
    /// given, in room made for it.
    @Test func eachValueIsAskedForOnce() {
        let compiled = MessageTemplate.Compiled("a {x} b {y} c")
        let values = GrowingValues()
        #expect(compiled.render(values) == "a x b y c")
        #expect(values.asked == 2)
        #expect(compiled.render(["x": "ett"] as MessageVariables) == "a ett b c")
    }
}
