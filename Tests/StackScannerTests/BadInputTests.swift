import Foundation
import KnowledgeModel
import StackScanner
import Testing

/// Hostile or broken repositories: clear messages, no crash, no hang, nothing run or written.
@Suite struct BadInputTests {
    @Test func noPackageJsonSaysWhatWasLookedForAndWhereOneIs() throws {
        let fixture = try ScanFixture(["server/package.json": manifest(), "README.md": "# hello"])
        defer { fixture.remove() }
        let error = try #require(fixture.scanError())
        #expect(error.kind == .badInput)
        #expect(error.message.contains("no package.json in 'project'"))
        #expect(error.message.contains("looks for package.json"))
        #expect(error.message.contains("project/server"))
    }

    @Test func missingFolderAndFileInsteadOfFolder() throws {
        let fixture = try ScanFixture(["package.json": manifest()])
        defer { fixture.remove() }
        let scanner = StackScanner(catalog: DetectionCatalog())
        #expect(throws: ScanError.self) {
            try scanner.scan(folder: fixture.root.appendingPathComponent("nope"), displayName: "nope")
        }
        do {
            _ = try scanner.scan(
                folder: fixture.root.appendingPathComponent("package.json"), displayName: "package.json")
            Issue.record("scanning a file must fail")
        } catch {
            #expect(error.message.contains("is a file"))
        }
    }

    @Test func malformedJsonNamesLineAndColumn() throws {
        let fixture = try ScanFixture([
            "package.json":
                "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"express\": \"^4.0.0\"\n    \"pg\": \"^8\"\n  }\n}\n"
        ])
        defer { fixture.remove() }
        let error = try #require(fixture.scanError())
        #expect(error.kind == .badInput)
        #expect(error.message.hasPrefix("project/package.json:5:5: error: malformed JSON"), "\(error.message)")
    }

    @Test func malformedWorkspacePackageIsAPositionedWarning() throws {
        let fixture = try ScanFixture([
            "package.json": #"{ "workspaces": ["apps/*"] }"#,
            "apps/api/package.json": "{ \"dependencies\": { \"express\": '4' } }",
            "apps/ok/package.json": manifest(dependencies: ["fastify": "^4.0.0"]),
        ])
        defer { fixture.remove() }
        let report = try fixture.scan()
        #expect(
            report.warnings.contains { $0.description.hasPrefix("apps/api/package.json:1:32: warning: malformed JSON") }
        )
        #expect(report.names(in: .framework) == ["fastify"])
    }

    @Test func hugeManifestIsRefusedWithItsSize() throws {
        let fixture = try ScanFixture([:])
        defer { fixture.remove() }
        let padding = String(repeating: " ", count: 5 << 20)
        try fixture.write("package.json", "{\"name\": \"x\"\(padding)}")
        let error = try #require(fixture.scanError())
        #expect(error.message.contains("too large"))
    }

    @Test func binaryFilesWithManifestNames() throws {
        let fixture = try ScanFixture(["src/index.js": "require('express')"])
        defer { fixture.remove() }
        try fixture.write("package.json", Data([0x7B, 0x00, 0x01, 0xFF, 0x7D]))
        let error = try #require(fixture.scanError())
        #expect(error.message.contains("binary"))

        try fixture.write("package.json", manifest(dependencies: ["express": "^4.0.0"]))
        try fixture.write("Dockerfile", Data([0x46, 0x52, 0x00, 0x00]))
        try fixture.write("tsconfig.json", Data([0xFF, 0xFE, 0x00]))
        let report = try fixture.scan()
        #expect(report.names(in: .framework) == ["express"])
        #expect(report.warnings.contains { $0.message.contains("Dockerfile is a binary file") })
    }

    @Test func workspaceGlobsMatchingThousandsOfFoldersAreBounded() throws {
        let fixture = try ScanFixture(["package.json": #"{ "workspaces": ["packages/**"] }"#])
        defer { fixture.remove() }
        for index in 0..<1_200 {
            try fixture.write("packages/p\(index)/package.json", #"{ "name": "p\#(index)" }"#)
        }
        var limits = ScanLimits()
        limits.maximumWorkspacePackages = 500
        let report = try fixture.scan(limits: limits)
        #expect(report.workspacePackages.count == 500)
        #expect(report.warnings.contains { $0.message.contains("match 1200 packages; only the first 500") })

        limits.maximumGlobVisits = 300
        let bounded = try fixture.scan(limits: limits)
        #expect(bounded.warnings.contains { $0.message.contains("visit more than 300 folders") })
    }

    @Test func symbolicLinkLoopsAndLinksOutOfTheProjectAreNotFollowed() throws {
        let fixture = try ScanFixture([
            "package.json": #"{ "workspaces": ["packages/**"] }"#,
            "packages/a/package.json": manifest(name: "a", dependencies: ["koa": "^2.0.0"]),
            "packages/a/src/index.js": "require('koa')",
        ])
        defer { fixture.remove() }
        let manager = FileManager.default
        try manager.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("packages/a/loop").path, withDestinationPath: "../..")
        try manager.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("packages/a/src/self").path, withDestinationPath: ".")
        let outside = try ScanFixture(["package.json": manifest(name: "outside", dependencies: ["hapi": "^1"])])
        defer { outside.remove() }
        try manager.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("packages/outside").path, withDestinationPath: outside.root.path
        )
        let report = try fixture.scan()
        #expect(report.workspacePackages == ["packages/a"])
        #expect(report.names(in: .framework) == ["koa"])
        #expect(report.detection("hapi") == nil)
    }

    @Test func workspacesDeclaredTwiceAreNoLinkLoop() throws {
        // npm's `workspaces` and pnpm-workspace.yaml naming the same folders, with overlapping patterns: every
        // folder is reached twice, which once warned "folder(s) reached again through symbolic links (a link loop?)".
        let fixture = try ScanFixture([
            "package.json": #"{ "workspaces": ["packages/*"] }"#,
            "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n  - 'packages/**'\n  - 'packages/*/plugins/*'\n",
            "packages/a/package.json": manifest(name: "a", dependencies: ["koa": "^2.0.0"]),
            "packages/b/package.json": manifest(name: "b"),
            "packages/b/plugins/p/package.json": manifest(name: "p"),
        ])
        defer { fixture.remove() }
        let report = try fixture.scan()
        #expect(report.workspacePackages == ["packages/a", "packages/b", "packages/b/plugins/p"])
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\.message))")
    }

    @Test func aLinkToAFolderAlreadyReachedIsNamed() throws {
        let fixture = try ScanFixture([
            "package.json": #"{ "workspaces": ["packages/*"] }"#,
            "packages/a/package.json": manifest(name: "a", dependencies: ["koa": "^2.0.0"]),
        ])
        defer { fixture.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("packages/z-alias").path, withDestinationPath: "a")
        let report = try fixture.scan()
        #expect(report.workspacePackages == ["packages/a"])
        let messages = report.warnings.map(\.message)
        #expect(
            messages.contains(
                "'packages/z-alias' is a symbolic link to 'packages/a', which the workspace patterns already reach; "
                    + "skipped it"), "\(messages)")
        #expect(!messages.contains { $0.contains("link loop") })
    }

    @Test func specialFilesWithManifestNamesDoNotHang() throws {
        let fixture = try ScanFixture([
            "package.json": #"{ "workspaces": ["apps/*"], "dependencies": { "express": "4.0.0" } }"#,
            "apps/api/src/a.js": "require('express')",
        ])
        defer { fixture.remove() }
        // A named pipe blocks a naive reader forever.
        #expect(mkfifo(fixture.root.appendingPathComponent("apps/api/package.json").path, 0o644) == 0)
        #expect(mkfifo(fixture.root.appendingPathComponent("Dockerfile").path, 0o644) == 0)
        let report = try fixture.scan()
        #expect(report.workspacePackages.isEmpty)
        #expect(report.warnings.contains { $0.message.contains("Dockerfile is not a regular file") })
    }

    @Test(.enabled(if: getuid() != 0, "root reads folders regardless of permissions"))
    func unreadableFoldersAreReportedAndSkipped() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(dependencies: ["express": "^4.0.0", "pg": "^8.0.0"]),
            "src/index.js": "require('express')",
            "src/private/db.js": "require('pg')",
        ])
        let locked = fixture.root.appendingPathComponent("src/private")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path)
            fixture.remove()
        }
        let report = try fixture.scan()
        #expect(report.warnings.contains { $0.message.contains("cannot read folder src/private") })
        #expect(report.names(in: .framework) == ["express"])
    }

    @Test func nothingIsRunOrWrittenInTheScannedProject() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(
                dependencies: ["express": "^4.0.0"],
                extra: #""scripts": { "preinstall": "touch PWNED", "prepare": "touch PWNED", "start": "touch PWNED" }"#),
            "src/index.js": "require('express')",
            "Dockerfile": "FROM node:20\nRUN touch PWNED\n",
        ])
        defer { fixture.remove() }
        func snapshot() throws -> [String: Date] {
            var result: [String: Date] = [:]
            let enumerator = FileManager.default.enumerator(
                at: fixture.root, includingPropertiesForKeys: [.contentModificationDateKey])
            while let url = enumerator?.nextObject() as? URL {
                result[url.path] = try url.resourceValues(forKeys: [.contentModificationDateKey])
                    .contentModificationDate
            }
            return result
        }
        let before = try snapshot()
        _ = try fixture.scan()
        #expect(try snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("PWNED").path))
    }

    @Test func packageSelectionSuggestsKnownPackages() throws {
        let fixture = try ScanFixture([
            "package.json": #"{ "workspaces": ["apps/*"] }"#,
            "apps/api/package.json": manifest(name: "@acme/api", dependencies: ["express": "^4.0.0"]),
            "apps/worker/package.json": manifest(name: "@acme/worker", dependencies: ["fastify": "^4.0.0"]),
        ])
        defer { fixture.remove() }
        let both = try fixture.scan()
        #expect(Set(both.servicePackages) == ["apps/api", "apps/worker"])
        let one = try fixture.scan(package: "apps/worker")
        #expect(one.names(in: .framework) == ["fastify"])
        do {
            _ = try fixture.scan(package: "@acme/wroker")
            Issue.record("an unknown package must fail")
        } catch let error as ScanError {
            #expect(error.message.contains("did you mean '@acme/worker'?"))
        }
    }
}
