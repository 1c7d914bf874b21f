import Foundation
import Testing

@testable import PromiseCheck

@Suite struct PackLocatorTests {
    @Test func nameIsLookedUpInSearchPathsInOrder() {
        let scratch = ScratchFolder()
        scratch.write("forsta/delad/pack.yaml", "pack: delad\n")
        scratch.write("andra/delad/pack.yaml", "pack: delad\n")
        scratch.write("andra/egen/pack.yaml", "pack: egen\n")
        let locator = PackLocator(searchPaths: [scratch.path("forsta"), scratch.path("andra")])
        #expect(locator.resolve("delad", relativeTo: nil) == .found(scratch.path("forsta/delad/pack.yaml")))
        #expect(locator.resolve("egen", relativeTo: nil) == .found(scratch.path("andra/egen/pack.yaml")))
    }

    @Test func nameNextToTheExtendingPackComesBeforeSearchPaths() {
        let scratch = ScratchFolder()
        scratch.write("lokalt/bas/pack.yaml", "pack: bas\n")
        scratch.write("lokalt/barn/pack.yaml", "pack: barn\n")
        scratch.write("regler/bas/pack.yaml", "pack: bas\n")
        let locator = PackLocator(searchPaths: [scratch.path("regler")])
        #expect(
            locator.resolve("bas", relativeTo: scratch.path("lokalt/barn"))
                == .found(scratch.path("lokalt/bas/pack.yaml")))
        #expect(locator.resolve("bas", relativeTo: nil) == .found(scratch.path("regler/bas/pack.yaml")))
    }

    @Test func notFoundListsEveryPlaceLookedAtOnce() {
        let scratch = ScratchFolder()
        let locator = PackLocator(searchPaths: [scratch.path("a"), scratch.path("b"), scratch.path("a")])
        #expect(
            locator.resolve("saknas", relativeTo: scratch.path("b/barn"))
                == .notFound([scratch.path("b/saknas/pack.yaml"), scratch.path("a/saknas/pack.yaml")]))
    }

    @Test func folderWithoutPackFileIsNotAPackByName() {
        let scratch = ScratchFolder()
        scratch.makeFolder("regler/tom")
        let locator = PackLocator(searchPaths: [scratch.path("regler")])
        #expect(locator.resolve("tom", relativeTo: nil) == .notFound([scratch.path("regler/tom/pack.yaml")]))
    }

    @Test func pathToAFolderOrToThePackFile() {
        let scratch = ScratchFolder()
        scratch.write("packar/lan/pack.yaml", "pack: lan\n")
        scratch.write("packar/lan/annat.yml", "pack: annat\n")
        let locator = PackLocator(searchPaths: [])
        let file = scratch.path("packar/lan/pack.yaml")
        #expect(locator.resolve(scratch.path("packar/lan"), relativeTo: nil) == .found(file))
        #expect(locator.resolve(file, relativeTo: nil) == .found(file))
        #expect(locator.resolve("packar/lan", relativeTo: scratch.path) == .found(file))
        #expect(locator.resolve("./packar/../packar/lan", relativeTo: scratch.path) == .found(file))
        #expect(
            locator.resolve("lan/annat.yml", relativeTo: scratch.path("packar"))
                == .found(scratch.path("packar/lan/annat.yml")))
        #expect(locator.resolve(".", relativeTo: scratch.path("packar/lan")) == .found(file))
    }

    @Test
    func absoluteFolderPathWithTrailingSlash() {
        let scratch = ScratchFolder()
        scratch.write("packar/lan/pack.yaml", "pack: lan\n")
        #expect(
            PackLocator(searchPaths: []).resolve(scratch.path("packar/lan") + "/", relativeTo: nil)
                == .found(scratch.path("packar/lan/pack.yaml")))
    }

    @Test func pathThatIsMissingOrHasNoPackFile() {
        let scratch = ScratchFolder()
        scratch.makeFolder("tom")
        let locator = PackLocator(searchPaths: [scratch.path])
        #expect(
            locator.resolve("saknas/pack.yaml", relativeTo: scratch.path)
                == .notFound([scratch.path("saknas/pack.yaml")]))
        #expect(locator.resolve(scratch.path("tom"), relativeTo: nil) == .notFound([scratch.path("tom/pack.yaml")]))
    }

    @Test(arguments: [
        ("medborgarlofte", false), ("regler/lan", true), ("lan.yaml", true), ("lan.yml", true), (".", true),
        ("..", true), ("lan.yaml.bak", false),
    ])
    func whatCountsAsAPath(reference: String, isPath: Bool) {
        #expect(PackLocator.isPath(reference) == isPath)
    }

    @Test func environmentFoldersComeFirstAndEmptyPartsAreDropped() {
        let paths = PackLocator.defaultSearchPaths(
            executablePath: nil, environment: ["PROMISECHECK_RULES": "/srv/regler::/home/lan/regler:"])
        #expect(paths == ["/srv/regler", "/home/lan/regler"])
        #expect(PackLocator.defaultSearchPaths(executablePath: nil, environment: [:]) == [])
    }

    @Test func searchPathsBesideTheExecutableThenTheFirstRulesFolderAbove() {
        let scratch = ScratchFolder()
        scratch.makeFolder("checkout/Rules")
        scratch.makeFolder("Rules")
        let binary = scratch.write("checkout/.build/debug/promisecheck", "")
        let paths = PackLocator.defaultSearchPaths(
            executablePath: binary, environment: ["PROMISECHECK_RULES": "/srv/regler"])
        #expect(
            paths == [
                "/srv/regler",
                scratch.path("checkout/.build/debug/Rules"),
                scratch.path("checkout/.build/share/promisecheck/Rules"),
                scratch.path("checkout/Rules"),
            ])
    }

    @Test func rulesBesideTheExecutableIsListedOnce() {
        let scratch = ScratchFolder()
        scratch.makeFolder("bin/Rules")
        let binary = scratch.write("bin/promisecheck", "")
        let paths = PackLocator.defaultSearchPaths(executablePath: binary, environment: [:])
        #expect(paths == [scratch.path("bin/Rules"), scratch.path("share/promisecheck/Rules")])
    }

    @Test func symlinkedExecutableSearchesBesideItsTarget() throws {
        let scratch = ScratchFolder()
        scratch.makeFolder("opt/promisecheck/Rules")
        let binary = scratch.write("opt/promisecheck/bin/promisecheck", "")
        scratch.makeFolder("usr/bin")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("usr/bin/promisecheck"), withDestinationPath: binary)
        let paths = PackLocator.defaultSearchPaths(
            executablePath: scratch.path("usr/bin/promisecheck"), environment: [:])
        #expect(
            paths == [
                scratch.path("opt/promisecheck/bin/Rules"),
                scratch.path("opt/promisecheck/share/promisecheck/Rules"),
                scratch.path("opt/promisecheck/Rules"),
            ])
    }
}
