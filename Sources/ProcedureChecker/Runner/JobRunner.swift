internal import Foundation
internal import HelpModel

/// Runs one job on a fresh fixture and turns what went wrong into a diagnostic placed where the
/// writer must look: the label, the field's phrase, the step, the check or the claim's number.
struct JobRunner {
    let transport: HTTPTransport

    func run(_ job: CheckJob, tag: String) async -> CheckResult {
        let started = ContinuousClock.now
        let failure: Diagnostic?
        switch job.work {
        case .procedure(let procedure, let check, _, let interlude):
            failure = await runProcedure(procedure, check: check, interlude: interlude, job: job, tag: tag)
        case .claim(let claim):
            do {
                try await ClaimCheck.verify(claim, locale: job.locale, tag: tag, transport: transport)
                failure = nil
            } catch {
                failure = .error(
                    "[\(job.locale)] \(job.name): \(Self.message(error))", file: job.articleFile, at: claim.range.start)
            }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return CheckResult(job: job, failure: failure, seconds: seconds)
    }

    private func runProcedure(
        _ procedure: Procedure, check: ProcedureCheck, interlude: Label?, job: CheckJob, tag: String
    ) async -> Diagnostic? {
        let prefix = "[\(job.locale)] \(job.name)"
        let checkNote = Diagnostic.Note(file: check.file, location: check.location, message: "the procedure's check (\(check.outcome.rawValue))")
        let session: Session
        do {
            let fixture = try await Fixture.create(for: check, locale: job.locale, tag: tag, api: TestAPI(transport: transport))
            session = Session(transport: transport, locale: job.locale, fixture: fixture, check: check)
        } catch {
            return .error("\(prefix): the fixture could not be created: \(Self.message(error))", file: check.file, at: check.location)
        }
        for (offset, step) in procedure.steps.enumerated() {
            let number = procedure.start + offset
            var actions = step.actions
            // The click the text after the procedure asks for ("Cliquez sur **Oui, créer…**").
            if let interlude, check.interlude?.afterStep == offset + 1 { actions.append(.click(Action.Target(interlude))) }
            for action in actions {
                do {
                    try await session.perform(action)
                } catch {
                    let stepNote = Diagnostic.Note(file: job.articleFile, location: step.sentenceRange.start, message: "step \(number) of the procedure")
                    let label = (error as? StepProblem)?.label
                    let message = "\(prefix): step \(number): \(Self.message(error))"
                    switch label?.origin {
                    case .article(let range):
                        return .error(message, file: job.articleFile, at: range.start)
                    case .phrasebook(let file, let range):
                        return .error(message, file: file, at: range.start, notes: [stepNote])
                    case nil:
                        return .error(message, file: job.articleFile, at: step.sentenceRange.start)
                    }
                }
            }
        }
        do {
            try await session.verify(check.outcome)
        } catch {
            let last = procedure.steps.last.map(\.sentenceRange.start) ?? procedure.range.start
            let stepNote = Diagnostic.Note(file: job.articleFile, location: last, message: "the procedure's last step")
            return .error(
                "\(prefix): after the last step: \(Self.message(error))", file: check.file, at: check.location,
                notes: check.file == job.articleFile ? [stepNote] : [stepNote, checkNote])
        }
        return nil
    }

    static func message(_ error: any Error) -> String {
        switch error {
        case let problem as StepProblem: problem.message
        case let transport as TransportError: transport.description
        default: "\(error)"
        }
    }
}
