internal import HelpModel

/// Performs the actions of a step on the session's page, as a person would.
extension Session {
    func perform(_ action: Action) async throws {
        switch action {
        case .signIn:
            page = try await SignIn.require(browser, locale: locale, fixture.persona, purpose: "the persona cannot sign in")
            signedInCookies = browser.cookies
        case .open(let name):
            let path = name == .signIn ? "/\(locale)/sign-in" : "/\(locale)/"
            page = try await navigated(try await browser.open(path), what: "opening \(path)", label: nil)
        case .click(let target), .choose(let target):
            try await activate(target, tickOnly: false)
        case .tick(let target):
            try await activate(target, tickOnly: true)
        case .fill(let field):
            try fill(field)
        case .manual:
            return  // for people only: listed by the plan, never performed
        case .followEmailLink:
            let addresses = [fixture.persona.email, fixture.invitee.email, fixture.other.email]
            guard let message = try await api.latestMessage(to: addresses), let link = message.links.first else {
                throw StepProblem("no e-mail with a link arrived (mailbox of \(fixture.persona.email))")
            }
            followedLink = link
            page = try await navigated(try await browser.open(link), what: "the link of the e-mail \"\(message.subject)\"", label: nil)
        }
    }

    private func activate(_ target: Action.Target, tickOnly: Bool) async throws {
        var current = try currentPage
        let row = target.beside.map { value(for: $0) }
        guard let control = current.control(target.label.text, within: target.within?.text, rowShowing: row) else {
            throw missing(target, on: current, rowShowing: row)
        }
        switch control {
        case .toggle(let input):
            current.setChecked(input, true)
            page = current
        case .link(let href):
            guard !tickOnly else { throw StepProblem("\(target.label) on \(current.pathForDisplay) is a link, not a checkbox", label: target.label) }
            let next = try await browser.open(Browser.resolve(href, against: current.path))
            page = try await navigated(next, what: "following \(target.label)", label: target.label)
        case .button(let button):
            guard !tickOnly else { throw StepProblem("\(target.label) on \(current.pathForDisplay) is a button, not a checkbox", label: target.label) }
            guard let request = current.submission(of: button) else {
                throw StepProblem("the button \(target.label) on \(current.pathForDisplay) is in no form", label: target.label)
            }
            let next: Page
            if request.method == "POST" {
                let boxes = current.checkboxes(inFormOf: button)
                if !boxes.isEmpty { lastSentCheckboxes = boxes }
                next = try await browser.post(request.action, fields: request.fields)
            } else {
                let query = request.fields.map { "\(FormEncoding.encode($0.name))=\(FormEncoding.encode($0.value))" }.joined(separator: "&")
                next = try await browser.open(request.action + "?" + query)
            }
            page = try await navigated(next, what: "pressing \(target.label) on \(current.pathForDisplay)", label: target.label)
        }
    }

    /// A page reached by a link or a form: an error status or an error message is a failure of
    /// the action that led there.
    private func navigated(_ next: Page, what: String, label: Label?) async throws -> Page {
        if next.status >= 400 || next.text(ofRole: "alert") != nil {
            let shown = next.text(ofRole: "alert") ?? next.heading ?? ""
            throw StepProblem("\(what) answered \(next.status) on \(next.pathForDisplay): \"\(shown)\"", label: label)
        }
        return next
    }

    private func fill(_ field: Action.Field) throws {
        var current = try currentPage
        guard let label = field.label else {
            // "Sélectionnez les droits…": keep the rights the page proposes, or tick the first.
            let boxes = current.inputs(ofType: "checkbox")
            guard !boxes.isEmpty else { throw StepProblem("no access rights to select on \(current.pathForDisplay)") }
            if !boxes.contains(where: current.isChecked) { current.setChecked(boxes[0], true) }
            page = current
            return
        }
        guard let input = current.field(label.text) else {
            let fields = current.fieldLabels.map { "\"\($0)\"" }.joined(separator: ", ")
            throw StepProblem(
                "field \(label) not on page \(current.pathForDisplay) (fields there: \(fields.isEmpty ? "none" : fields))", label: label)
        }
        current.type(value(for: field.value), into: input)
        page = current
    }

    private func missing(_ target: Action.Target, on page: Page, rowShowing row: String?) -> StepProblem {
        let labels = page.controlLabels.prefix(20).map { "\"\($0)\"" }.joined(separator: ", ")
        if page.control(target.label.text) != nil {
            if let row { return StepProblem("\(target.label) is on page \(page.pathForDisplay) but not in the row showing \"\(row)\"", label: target.label) }
            if let within = target.within {
                return StepProblem("\(target.label) is on page \(page.pathForDisplay) but not within \(within)", label: within)
            }
        }
        return StepProblem(
            "label \(target.label) not on page \(page.pathForDisplay) (labels there: \(labels.isEmpty ? "none" : labels))",
            label: target.label)
    }
}
