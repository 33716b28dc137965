import DriftCheck
import Foundation
import KnowledgeModel
import Testing

@Suite struct DriftCheckerTests {
    static let packageJSON = """
        {
          "name": "orders-api",
          "dependencies": {
            "express": "^5.1.0",
            "pg": "^8.11.0",
            "mongoose": "^8.5.0",
            "winston": "^3.13.0"
          }
        }
        """
    static let answers = """
        service: orders-api
        answers:
          service.stage: existing
          current.framework: express5
          current.stack: [winston, kafka]
        """

    @Test func driftStaleAndUnrecordedEachOnceWithTheirLocation() throws {
        let fixture = try CheckFixture([
            "package.json": Self.packageJSON,
            "answers.yaml": Self.answers,
            "src/app.js": "const express = require('express')\nconst mongoose = require('mongoose')\n",
            "docs/decisions/0001-primary-database.md": record("database", "postgresql"),
            "docs/decisions/0002-messaging.md": record("messaging", "kafka", status: "proposed"),
        ])
        defer { fixture.remove() }
        let outcome = try fixture.check()
        let drift = outcome.results.filter { $0.kind == .drift }
        let stale = outcome.results.filter { $0.kind == .stale }
        let unrecorded = outcome.results.filter { $0.kind == .unrecorded }

        // mongoose brings MongoDB, which the accepted record rules out: drift on mongoose's package.json line.
        #expect(drift.count == 1)
        #expect(drift.first?.technology == "mongodb")
        #expect(
            drift.first?.position
                == FilePosition(file: "package.json", line: line(of: "mongoose", in: Self.packageJSON)))
        #expect(drift.first?.contradicts?.position.file == "docs/decisions/0001-primary-database.md")
        #expect(drift.first?.contradicts?.position.line == 5)
        #expect(drift.first?.related.contains(FilePosition(file: "src/app.js", line: 2)) == true)

        // The answers say kafka is in use; nothing in the code supports it: stale on the answer's option.
        #expect(stale.count == 1)
        #expect(stale.first?.position.file == "answers.yaml")
        #expect(stale.first?.position.line == line(of: "current.stack", in: Self.answers))
        #expect(stale.first?.message.contains("kafka") == true)

        // Mongoose itself settles data access, which neither a record nor an answer covers.
        #expect(unrecorded.map(\.technology) == ["mongoose"])
        #expect(unrecorded.first?.position.line == line(of: "mongoose", in: Self.packageJSON))
    }

    @Test func aConsistentProjectHasNoResults() throws {
        let fixture = try CheckFixture([
            "package.json": #"{ "name": "a", "dependencies": { "express": "^5.1.0", "pg": "^8.11.0" } }"#,
            "src/app.js": "const express = require('express')\nconst pg = require('pg')\n",
            "docs/decisions/0001-database.md": record("database", "postgresql"),
            "docs/decisions/0002-framework.md": record("framework", "express5"),
            "docs/decisions/0003-data-access.md": record("data_access", "driver"),
        ])
        defer { fixture.remove() }
        #expect(try fixture.check().results.isEmpty)
    }

    @Test func withAChangeOnlyWhatItIntroducesCounts() throws {
        let fixture = try CheckFixture([
            "package.json": Self.packageJSON,
            "docs/decisions/0001-primary-database.md": record("database", "postgresql"),
        ])
        defer { fixture.remove() }
        // Only winston was bumped: mongoose's drift is old, and winston is unrecorded but not added.
        let bump = try fixture.check(change: DependencyChange(changed: ["winston"], files: ["package.json"]))
        #expect(bump.results.isEmpty)
        let added = try fixture.check(change: DependencyChange(added: ["mongoose"], files: ["package.json"]))
        #expect(added.results.map(\.kind) == [.drift, .unrecorded])
    }

    @Test func anExpiredAcceptanceStopsHidingAndIsReported() throws {
        let answers = """
            answers:
              service.stage: existing
            acceptedRisks:
              - { finding: drift, reason: "migration in progress", owner: data-team, scope: mongodb, expires: 2026-06-30 }
              - { finding: unrecorded, reason: "to be recorded", scope: services/, expires: 2099-01-01 }
            """
        let fixture = try CheckFixture([
            "package.json": Self.packageJSON, "answers.yaml": answers,
            "docs/decisions/0001-primary-database.md": record("database", "postgresql"),
        ])
        defer { fixture.remove() }
        let before = try fixture.check(today: "2026-06-30")
        #expect(before.results.first { $0.kind == .drift }?.accepted?.owner == "data-team")
        #expect(before.expiredAcceptances.isEmpty)

        let after = try fixture.check(today: "2026-07-01")
        #expect(after.results.first { $0.kind == .drift }?.accepted == nil)
        #expect(after.expiredAcceptances.map(\.risk.findingID) == ["drift"])
        #expect(after.expiredAcceptances.first?.position?.line == 4)
        // The scoped unrecorded acceptance covers only services/: package.json at the root is not hidden.
        #expect(after.results.filter { $0.kind == .unrecorded }.allSatisfy { $0.accepted == nil })
    }

    @Test func fingerprintsIgnoreLineMoves() throws {
        let moved = Self.packageJSON.replacingOccurrences(of: "\"express\": \"^5.1.0\",\n", with: "")
            .replacingOccurrences(
                of: "\"winston\": \"^3.13.0\"", with: "\"winston\": \"^3.13.0\",\n    \"express\": \"^5.1.0\"")
        let first = try CheckFixture([
            "package.json": Self.packageJSON, "docs/decisions/0001-db.md": record("database", "postgresql"),
        ])
        let second = try CheckFixture([
            "package.json": moved, "docs/decisions/0001-db.md": record("database", "postgresql"),
        ])
        defer {
            first.remove()
            second.remove()
        }
        let a = try first.check().results
        let b = try second.check().results
        #expect(a.map(\.position.line) != b.map(\.position.line))
        #expect(Set(a.map(\.fingerprint)) == Set(b.map(\.fingerprint)))
        #expect(Set(a.map(\.fingerprint)).count == a.count)
    }
}

@Suite struct RecordedDecisionsTests {
    func read(_ text: String) -> Result<[RecordedDecision], CheckInputError> {
        do {
            let fixture = try CheckFixture(["docs/decisions/0003-database.md": text])
            defer { fixture.remove() }
            return .success(
                try RecordedDecisions.read(
                    folder: fixture.root.appendingPathComponent("docs/decisions"), displayPath: "docs/decisions",
                    knowledgeBase: CheckFixture.knowledgeBase, required: true))
        } catch let error as CheckInputError {
            return .failure(error)
        } catch {
            return .failure(CheckInputError("\(error)"))
        }
    }

    @Test func readsAnAcceptedRecord() throws {
        let records = try read(record("database", "postgresql")).get()
        #expect(records.map(\.option) == ["postgresql"])
        #expect(records.first?.isAccepted == true)
    }

    @Test(arguments: [
        (
            "---\nstatus: accepted\nstackwise-decision: database\n\n# no closing line\n", "0003-database.md:1:1",
            "never closed"
        ),
        ("---\nstatus accepted\n---\n", "0003-database.md:2:1", "not 'key: value'"),
        ("---\nstatus: \"accepted\n---\n", "0003-database.md:2", "unterminated"),
        ("---\nstackwise-decision: databse\nstackwise-option: postgresql\n---\n", ":2:1", "did you mean 'database'"),
        ("---\nstackwise-decision: database\nstackwise-option: postgress\n---\n", ":3:1", "did you mean 'postgresql'"),
        ("---\nstatus: accepted\nstatus: rejected\n---\n", ":3:1", "appears twice"),
    ])
    func brokenFrontMatterIsAnErrorWithItsPosition(text: String, place: String, message: String) {
        guard case .failure(let error) = read(text) else {
            Issue.record("accepted broken front matter: \(text)")
            return
        }
        #expect(error.message.contains("docs/decisions/0003-database.md"))
        #expect(error.message.contains(place), "\(error.message)")
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func someoneElsesRecordWithoutFrontMatterIsIgnored() throws {
        #expect(try read("# Use PostgreSQL\n\nWe use PostgreSQL.\n").get().isEmpty)
    }
}

@Suite struct ProposalDriftTests {
    @Test func aProposalIsADeclaredChoiceWhereNoRecordDecides() throws {
        let answers = """
            answers:
              service.stage: existing
            proposed:
              logging: pino
              database: postgresql
            """
        let fixture = try CheckFixture([
            "package.json": DriftCheckerTests.packageJSON, "answers.yaml": answers,
            "docs/decisions/0001-db.md": record("database", "mongodb"),
        ])
        defer { fixture.remove() }
        let drift = try fixture.check().results.filter { $0.kind == .drift }
        // winston against the proposed pino: drift pointing at the proposal's line.
        let logging = try #require(drift.first { $0.decision == "logging" })
        #expect(logging.technology == "winston")
        #expect(logging.contradicts?.source == .proposal)
        #expect(logging.contradicts?.position.line == 4)
        // The accepted record (MongoDB) wins over the proposal (PostgreSQL) for the database: pg is the drift.
        let database = try #require(drift.first { $0.decision == "database" })
        #expect(database.technology == "postgresql")
        #expect(database.contradicts?.source == .record)
    }
}
