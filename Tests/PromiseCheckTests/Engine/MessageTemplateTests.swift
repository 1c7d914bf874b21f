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
}
