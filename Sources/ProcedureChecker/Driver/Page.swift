internal import HTMLReader

/// A page as a person meets it: what it says, its links and buttons by their visible text, its
/// fields by their labels, and what has been typed into its forms so far.
struct Page {
    /// The path the page was finally served from (after redirects), query included.
    let path: String
    let status: Int
    let document: HTMLDocument
    /// True when the request was answered by a redirect that the browser followed.
    let redirected: Bool
    /// What has been typed or ticked so far, by input node index.
    private(set) var typed: [Int: String] = [:]
    private(set) var checked: [Int: Bool] = [:]

    init(path: String, status: Int, bytes: [UInt8], redirected: Bool) {
        self.path = path
        self.status = status
        self.redirected = redirected
        document = HTMLDocument(parsing: bytes)
    }

    /// A control the text names.
    enum Control: Equatable {
        case link(href: String)
        /// A submit button (its node index), which sends its form.
        case button(Int)
        /// A checkbox or radio button (its input's node index).
        case toggle(Int)
    }

    // MARK: - Reading

    /// The page's path without its query, for messages.
    var pathForDisplay: String {
        path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
    }

    /// The text of the first element with `role` (an error is `alert`, a notice `status`).
    func text(ofRole role: String) -> String? {
        document.elementIndices.first { document.attribute("role", of: $0) == role }.map { document.text(of: $0) }
    }

    var heading: String? { document.elements(named: "h1").first.map { document.text(of: $0) } }

    /// Every visible text of the page's `<main>` (or body), for "the page shows X".
    var mainText: String {
        let main = document.elements(named: "main").first ?? document.elements(named: "body").first ?? 0
        return document.nodes.isEmpty ? "" : document.text(of: main)
    }

    /// The links' and buttons' texts in document order, each once: "labels there" in a failure.
    var controlLabels: [String] {
        var seen: Set<String> = []
        var labels: [String] = []
        for index in document.elementIndices {
            let name = document.nodes[index].name
            guard name == "a" || name == "button" || (name == "input" && isSubmitInput(index)) else { continue }
            let text = accessibleTexts(of: index).first ?? ""
            if !text.isEmpty, seen.insert(text).inserted { labels.append(text) }
        }
        return labels
    }

    /// The fields' label texts in document order.
    var fieldLabels: [String] {
        document.elements(named: "label").map { document.text(of: $0) }.filter { !$0.isEmpty }
    }

    /// Whether the page holds a form with a password field: a sign-in or password page.
    var hasPasswordField: Bool {
        document.elements(named: "input").contains { document.attribute("type", of: $0) == "password" }
    }

    /// The links whose `href` starts with `prefix`.
    func links(to prefix: String) -> [String] {
        document.elements(named: "a").compactMap { document.attribute("href", of: $0) }.filter { $0.hasPrefix(prefix) }
    }

    // MARK: - Finding controls

    /// The link, button or toggle whose visible text or accessible name is `label`.
    /// - Parameters:
    ///   - within: the menu or group it must be in (its `aria-label` or `<legend>`).
    ///   - rowShowing: a text a cell of its table row must show.
    func control(_ label: String, within: String? = nil, rowShowing: String? = nil) -> Control? {
        for index in document.elementIndices {
            guard let control = control(at: index), accessibleTexts(of: index).contains(where: { LabelText.matches($0, label) })
            else { continue }
            if let within, !isInside(index, group: within) { continue }
            if let rowShowing, !isInRow(index, showing: rowShowing) { continue }
            return control
        }
        return nil
    }

    private func control(at index: Int) -> Control? {
        switch document.nodes[index].name {
        case "a": return document.attribute("href", of: index).map { .link(href: $0) }
        case "button":
            let type = document.attribute("type", of: index)?.lowercased() ?? "submit"
            return type == "submit" ? .button(index) : nil
        case "input":
            let type = document.attribute("type", of: index)?.lowercased() ?? "text"
            if type == "submit" { return .button(index) }
            if type == "checkbox" || type == "radio" { return .toggle(index) }
            return nil
        default: return nil
        }
    }

    /// What a person or a screen reader calls element `index`: its text, its `aria-label`, a
    /// submit input's value, and for a checkbox the text of its `<label>`.
    private func accessibleTexts(of index: Int) -> [String] {
        var texts: [String] = []
        let name = document.nodes[index].name
        if name == "input" {
            if isSubmitInput(index), let value = document.attribute("value", of: index) { texts.append(value) }
            texts += labels(of: index)
        } else {
            texts.append(document.text(of: index))
        }
        if let aria = document.attribute("aria-label", of: index) { texts.append(aria) }
        return texts
    }

    private func isSubmitInput(_ index: Int) -> Bool {
        document.attribute("type", of: index)?.lowercased() == "submit"
    }

    /// The texts of the `<label>`s that name input `index`: `<label for=id>` or an enclosing label.
    private func labels(of index: Int) -> [String] {
        var texts: [String] = []
        if let id = document.attribute("id", of: index) {
            for label in document.elements(named: "label") where document.attribute("for", of: label) == id {
                texts.append(document.text(of: label))
            }
        }
        if let enclosing = document.ancestors(of: index).first(where: { document.nodes[$0].name == "label" }) {
            texts.append(document.text(of: enclosing))
        }
        return texts
    }

    private func isInside(_ index: Int, group: String) -> Bool {
        document.ancestors(of: index).contains { ancestor in
            if let aria = document.attribute("aria-label", of: ancestor), LabelText.matches(aria, group) { return true }
            guard document.nodes[ancestor].name == "fieldset" else { return false }
            return document.descendants(of: ancestor).contains {
                document.nodes[$0].name == "legend" && LabelText.matches(document.text(of: $0), group)
            }
        }
    }

    private func isInRow(_ index: Int, showing value: String) -> Bool {
        guard let row = document.ancestors(of: index).first(where: { document.nodes[$0].name == "tr" }) else { return false }
        return document.descendants(of: row).contains { cell in
            let name = document.nodes[cell].name
            return (name == "td" || name == "th") && LabelText.matches(document.text(of: cell), value)
        }
    }

    // MARK: - Fields and forms

    /// The text field, password or e-mail input labelled `label` (`<label for>`, an enclosing
    /// label or `aria-label`).
    func field(_ label: String) -> Int? {
        document.elements(named: "input").first { index in
            let type = document.attribute("type", of: index)?.lowercased() ?? "text"
            guard !["hidden", "submit", "button", "checkbox", "radio", "image", "reset"].contains(type) else { return false }
            let names = labels(of: index) + (document.attribute("aria-label", of: index).map { [$0] } ?? [])
            return names.contains { LabelText.matches($0, label) }
        } ?? document.elements(named: "textarea").first { index in
            labels(of: index).contains { LabelText.matches($0, label) }
        }
    }

    /// The inputs of type `type` in the page's forms, in document order.
    func inputs(ofType type: String) -> [Int] {
        document.elements(named: "input").filter { document.attribute("type", of: $0)?.lowercased() == type }
    }

    /// The submit buttons of the page, in document order.
    var submitButtons: [Int] {
        document.elementIndices.filter {
            if case .button = control(at: $0) { true } else { false }
        }
    }

    mutating func type(_ value: String, into input: Int) {
        typed[input] = value
    }

    mutating func setChecked(_ input: Int, _ value: Bool) {
        checked[input] = value
    }

    func isChecked(_ input: Int) -> Bool {
        checked[input] ?? document.hasAttribute("checked", of: input)
    }

    /// The form that holds node `index`.
    func form(of index: Int) -> Int? {
        document.ancestors(of: index).first { document.nodes[$0].name == "form" }
    }

    /// The checkboxes of the form that holds `button`, as a person reads them: the label's text,
    /// the value the form sends for it, and whether it is ticked now.
    func checkboxes(inFormOf button: Int) -> [(label: String, value: String, checked: Bool)] {
        guard let form = form(of: button) else { return [] }
        return document.descendants(of: form).compactMap { index in
            guard document.nodes[index].name == "input", document.attribute("type", of: index)?.lowercased() == "checkbox" else {
                return nil
            }
            return (labels(of: index).first ?? "", document.attribute("value", of: index) ?? "on", isChecked(index))
        }
    }

    /// What pressing button `button` sends: the form's action and method, and its fields as a
    /// browser would send them (typed values, ticked boxes, hidden fields, the button itself).
    func submission(of button: Int) -> (action: String, method: String, fields: [(name: String, value: String)])? {
        guard let form = form(of: button) else { return nil }
        var fields: [(name: String, value: String)] = []
        for index in document.descendants(of: form) {
            guard let name = document.attribute("name", of: index) else { continue }
            switch document.nodes[index].name {
            case "input":
                let type = document.attribute("type", of: index)?.lowercased() ?? "text"
                switch type {
                case "submit", "image", "button", "reset":
                    if index == button { fields.append((name, document.attribute("value", of: index) ?? "")) }
                case "checkbox", "radio":
                    if isChecked(index) { fields.append((name, document.attribute("value", of: index) ?? "on")) }
                default:
                    fields.append((name, typed[index] ?? document.attribute("value", of: index) ?? ""))
                }
            case "textarea":
                fields.append((name, typed[index] ?? document.text(of: index)))
            case "button":
                if index == button { fields.append((name, document.attribute("value", of: index) ?? "")) }
            default:
                continue
            }
        }
        let action = document.attribute("action", of: form).flatMap { $0.isEmpty ? nil : $0 } ?? path
        let method = document.attribute("method", of: form)?.uppercased() ?? "GET"
        return (action, method, fields)
    }
}
