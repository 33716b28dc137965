import Foundation
import StackScanner
import Testing

/// The lockfile readers behind `check --base`: direct dependencies and their resolved versions.
@Suite struct LockfileTests {
    @Test func packageLockV3ReadsTheDirectDependenciesOfTheRootAndItsWorkspaces() {
        let text = """
            {"lockfileVersion": 3, "packages": {
              "": {"dependencies": {"express": "^5.1.0"}, "devDependencies": {"vitest": "^2.0.0"}},
              "apps/api": {"dependencies": {"mongoose": "^8.5.0"}},
              "node_modules/express": {"version": "5.1.0"},
              "node_modules/debug": {"version": "4.3.7"},
              "node_modules/vitest": {"version": "2.1.0"},
              "apps/api/node_modules/mongoose": {"version": "8.5.1"},
              "node_modules/mongoose": {"version": "7.6.0"}
            }}
            """
        let versions = Lockfiles.lockedVersions(file: "package-lock.json", text: text, declared: [:])
        #expect(versions == ["express": "5.1.0", "vitest": "2.1.0", "mongoose": "8.5.1"])
    }

    @Test func yarnClassicAndBerryEntriesMatchTheDeclaredRanges() {
        let classic = """
            # yarn lockfile v1

            "@nestjs/core@^10.0.0", "@nestjs/core@^10.3.0":
              version "10.4.1"
              resolved "https://registry.yarnpkg.com/@nestjs/core/-/core-10.4.1.tgz"

            debug@2.6.9:
              version "2.6.9"

            debug@^4.3.4:
              version "4.3.7"

            """
        let declared = ["@nestjs/core": "^10.3.0", "debug": "^4.3.4"]
        #expect(
            Lockfiles.lockedVersions(file: "yarn.lock", text: classic, declared: declared)
                == ["@nestjs/core": "10.4.1", "debug": "4.3.7"])
        let berry = """
            __metadata:
              version: 8
              cacheKey: 10c0

            "debug@npm:^4.3.4":
              version: 4.3.7
              resolution: "debug@npm:4.3.7"

            "pino@npm:^9.0.0, pino@npm:^9.4.0":
              version: 9.5.0
              resolution: "pino@npm:9.5.0"

            """
        #expect(
            Lockfiles.lockedVersions(file: "yarn.lock", text: berry, declared: ["debug": "^4.3.4", "pino": "^9.4.0"])
                == ["debug": "4.3.7", "pino": "9.5.0"])
    }

    @Test func pnpmImportersAndSingleProjectLockfilesOfEachVersion() {
        let v9 = """
            lockfileVersion: '9.0'

            importers:

              .:
                dependencies:
                  '@nestjs/core':
                    specifier: ^10.3.0
                    version: 10.4.1(reflect-metadata@0.2.2)
                devDependencies:
                  vitest:
                    specifier: ^2.0.0
                    version: 2.1.0

              apps/api:
                dependencies:
                  mongoose:
                    specifier: ^8.5.0
                    version: 8.5.1

            packages:

              mongoose@7.0.0:
                resolution: {integrity: sha512-x}

            """
        #expect(
            Lockfiles.lockedVersions(file: "pnpm-lock.yaml", text: v9, declared: [:])
                == ["@nestjs/core": "10.4.1", "vitest": "2.1.0", "mongoose": "8.5.1"])
        let v5 = """
            lockfileVersion: 5.4

            specifiers:
              express: ^4.18.2
              react-dom: ^18.2.0

            dependencies:
              express: 4.18.2
              react-dom: 18.2.0_react@18.2.0

            packages:

              /express/4.18.2:
                resolution: {integrity: sha512-x}

            """
        #expect(
            Lockfiles.lockedVersions(file: "pnpm-lock.yaml", text: v5, declared: [:])
                == ["express": "4.18.2", "react-dom": "18.2.0"])
        let v6 = """
            lockfileVersion: '6.0'

            dependencies:
              express:
                specifier: ^4.18.2
                version: 4.18.2

            """
        #expect(Lockfiles.lockedVersions(file: "pnpm-lock.yaml", text: v6, declared: [:]) == ["express": "4.18.2"])
    }

    @Test func aBreakingChangeIsAnotherMajorOrAnotherMinorBelowOne() {
        #expect(Lockfiles.compatibilityLine(of: "8.5.1") == "8")
        #expect(Lockfiles.compatibilityLine(of: "0.32.11") == "0.32")
        #expect(Lockfiles.compatibilityLine(of: "link:../lib") == nil)
        // Damaged input gives nothing rather than a guess.
        #expect(Lockfiles.lockedVersions(file: "package-lock.json", text: "{", declared: [:]).isEmpty)
        #expect(Lockfiles.lockedVersions(file: "pnpm-lock.yaml", text: "\u{0}\u{1}: : :", declared: [:]).isEmpty)
    }
}
