import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import StackScanner
import Testing

/// Detections become current-stack answers through the knowledge base's `answers:` mappings.
@Suite struct DetectedAnswersTests {
    /// The embedded detection catalog with a small set of current-stack questions.
    static func knowledgeBase() throws -> KnowledgeBase {
        let yaml = """
            sections:
              - { id: service, title: Service, order: 1 }
              - { id: current, title: Today, order: 2 }
            questions:
              - id: service.stage
                section: service
                prompt: New or existing?
                help: Existing services get findings.
                type: single
                options: [{ id: new, label: New }, { id: existing, label: Existing }]
              - id: current.framework
                section: current
                prompt: Framework?
                help: Defaults differ.
                type: single
                options:
                  - { id: express4, label: Express 4 }
                  - { id: express5, label: Express 5 }
                  - { id: fastify, label: Fastify }
                  - { id: nestjs, label: NestJS }
                  - { id: koa, label: Koa }
                  - { id: other, label: Other }
              - id: current.node_version
                section: current
                prompt: Node?
                help: EOL matters.
                type: single
                options: [{ id: node18, label: "18" }, { id: node20, label: "20" }, { id: node22, label: "22" }, { id: odd_release, label: Odd }]
              - id: current.database
                section: current
                prompt: Stores?
                help: Each has traps.
                type: multi
                options: [{ id: postgresql, label: PostgreSQL }, { id: mongodb, label: MongoDB }, { id: redis, label: Redis }]
              - id: current.data_access
                section: current
                prompt: Data access?
                help: Injection.
                type: single
                options: [{ id: prisma, label: Prisma }, { id: knex, label: Knex }, { id: raw_driver, label: Driver }]
              - id: current.practices
                section: current
                prompt: Practices?
                help: Basics.
                type: multi
                options: [{ id: helmet, label: Helmet }, { id: rate_limiting, label: Rate limits }, { id: input_validation, label: Validation }]
            """
        var (layer, loadDiagnostics) = KnowledgeBaseLoader().loadLayer(name: "test", files: [("test.yaml", yaml)])
        layer.detectionTechnologies = StackwiseKnowledge.embedded.detection.technologies
        layer.detectionPackages = StackwiseKnowledge.embedded.detection.packages
        // The questions above have fewer options than the real ones, so the catalog's other mappings are reported
        // (and ignored when answering); only the loading itself must be clean.
        #expect(loadDiagnostics.isEmpty, "\(loadDiagnostics)")
        return KnowledgeBaseBuilder.build(layers: [layer], loadDiagnostics: loadDiagnostics).0
    }

    @Test func answersFollowTheMappingsWithVersionsAndPriorities() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(
                name: "orders",
                dependencies: [
                    "express": "^5.0.1", "knex": "^3.0.0", "pg": "^8.0.0", "helmet": "^7.0.0", "zod": "^3.0.0",
                    "ioredis": "^5.0.0",
                ]),
            ".nvmrc": "21\n",
            "src/index.js":
                "import express from 'express'\nimport helmet from 'helmet'\nimport { z } from 'zod'\nimport knex from 'knex'\nimport Redis from 'ioredis'\n",
        ])
        defer { fixture.remove() }
        let knowledgeBase = try Self.knowledgeBase()
        let answers = DetectedAnswers.answers(for: try fixture.scan(), knowledgeBase: knowledgeBase)
        #expect(answers.serviceName == "orders")
        #expect(answers.value(of: "service.stage") == .choice("existing"))
        #expect(answers.value(of: "current.framework") == .choice("express5"))
        #expect(answers.value(of: "current.node_version") == .choice("odd_release"))
        // The ORM-level library wins over the driver underneath it.
        #expect(answers.value(of: "current.data_access") == .choice("knex"))
        #expect(answers.value(of: "current.database") == .choices(["postgresql", "redis"]))
        #expect(answers.value(of: "current.practices") == .choices(["helmet", "input_validation"]))
        for (id, answer) in answers.answers {
            #expect(answer.origin?.hasPrefix("detected") == true, "\(id)")
        }
        #expect(answers.answers["current.framework"]?.origin?.contains("express in package.json") == true)
    }

    @Test func declaredAndDevOnlyPackagesAnswerNothing() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(dependencies: ["express": "^4.0.0", "helmet": "^7.0.0"], dev: ["pg": "^8.0.0"]),
            "src/index.js": "const express = require('express')\n",
        ])
        defer { fixture.remove() }
        let answers = DetectedAnswers.answers(for: try fixture.scan(), knowledgeBase: try Self.knowledgeBase())
        #expect(answers.value(of: "current.framework") == .choice("express4"))
        #expect(answers.value(of: "current.database") == nil)
        #expect(answers.value(of: "current.practices") == nil)
    }

    @Test func nestjsWinsOverThePlatformUnderneath() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(
                dependencies: ["@nestjs/core": "^10.0.0", "@nestjs/platform-express": "^10.0.0", "express": "^4.0.0"]),
            "src/main.ts": "import { NestFactory } from '@nestjs/core'\nimport express from 'express'\n",
        ])
        defer { fixture.remove() }
        let answers = DetectedAnswers.answers(for: try fixture.scan(), knowledgeBase: try Self.knowledgeBase())
        #expect(answers.value(of: "current.framework") == .choice("nestjs"))
    }
}
