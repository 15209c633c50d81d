import Foundation
import HTTPTypes

/// A page as the tests read it: by visible text, link text and `<label>` text, the way the
/// procedure checker (and a person) finds things. Regular expressions suffice for the engine's
/// own regular markup.
struct Page {
    let status: HTTPResponse.Status
    let html: String
    let headers: HTTPFields

    var location: String? { headers[.location] }

    /// The visible text of `<main>`, tags removed, entities decoded, spaces folded.
    var text: String {
        let main = html.range(of: "<main>").map { String(html[$0.lowerBound...]) } ?? html
        return Page.visible(main)
    }

    /// The `href` of the link whose visible text is exactly `label`.
    func link(_ label: String) -> String? {
        for match in html.matches(of: #/<a href="([^"]*)"[^>]*>(.*?)</a>/#) where Page.visible(String(match.2)) == label {
            return Page.decode(String(match.1))
        }
        return nil
    }

    /// The link `label` in the table row that also shows `cell` (e.g. "Gérer" beside a username).
    func link(_ label: String, inRowShowing cell: String) -> String? {
        for row in html.matches(of: #/<tr>(.*?)</tr>/#) {
            let rowHTML = String(row.1)
            guard rowHTML.contains("<td>\(Page.escape(cell))</td>") else { continue }
            for match in rowHTML.matches(of: #/<a href="([^"]*)"[^>]*>(.*?)</a>/#) where Page.visible(String(match.2)) == label {
                return Page.decode(String(match.1))
            }
        }
        return nil
    }

    /// The form that holds a submit button reading `button`.
    func form(withButton button: String) -> Form? {
        for match in html.matches(of: #/<form method="post" action="([^"]*)">(.*?)</form>/#) {
            let body = String(match.2)
            let buttons = body.matches(of: #/<button type="submit">(.*?)</button>/#).map { Page.visible(String($0.1)) }
            guard buttons.contains(button) else { continue }
            return Form(action: Page.decode(String(match.1)), body: body)
        }
        return nil
    }

    /// Every visible input whose id no `<label for>` names (should be none).
    var unlabelledInputs: [String] {
        let labelled = Set(html.matches(of: #/<label for="([^"]*)">/#).map { String($0.1) })
        return html.matches(of: #/<input ([^>]*)>/#).compactMap { match in
            let attributes = Page.attributes(String(match.1))
            if attributes["type"] == "hidden" { return nil }
            guard let id = attributes["id"], labelled.contains(id) else { return attributes["name"] ?? "?" }
            return nil
        }
    }

    struct Form {
        let action: String
        private(set) var fields: [(name: String, value: String)] = []
        private var labels: [String: String] = [:]
        private var checkboxes: [(label: String, name: String, value: String)] = []

        init(action: String, body: String) {
            self.action = action
            var ids: [String: (name: String, value: String, type: String)] = [:]
            for match in body.matches(of: #/<input ([^>]*)>/#) {
                let attributes = Page.attributes(String(match.1))
                let name = attributes["name"] ?? ""
                let value = attributes["value"] ?? ""
                let type = attributes["type"] ?? "text"
                if let id = attributes["id"] { ids[id] = (name, value, type) }
                if type == "checkbox" {
                    if attributes["checked"] != nil { fields.append((name, value)) }
                } else {
                    fields.append((name, value))
                }
            }
            for match in body.matches(of: #/<label for="([^"]*)">(.*?)</label>/#) {
                guard let input = ids[String(match.1)] else { continue }
                let label = Page.visible(String(match.2))
                if input.type == "checkbox" {
                    checkboxes.append((label, input.name, input.value))
                } else {
                    labels[label] = input.name
                }
            }
        }

        /// Types `value` into the field labelled `label`; false when no such label exists.
        @discardableResult
        mutating func fill(_ label: String, _ value: String) -> Bool {
            guard let name = labels[label], let index = fields.firstIndex(where: { $0.name == name }) else {
                return false
            }
            fields[index].value = value
            return true
        }

        /// Ticks the checkbox labelled `label` (the first one with that label).
        @discardableResult
        mutating func tick(_ label: String) -> Bool {
            guard let box = checkboxes.first(where: { $0.label == label }) else { return false }
            if !fields.contains(where: { $0 == (box.name, box.value) }) { fields.append((box.name, box.value)) }
            return true
        }

        /// Unticks every checkbox labelled `label`; false when none has that label.
        @discardableResult
        mutating func untick(_ label: String) -> Bool {
            let boxes = checkboxes.filter { $0.label == label }
            for box in boxes { fields.removeAll { $0 == (box.name, box.value) } }
            return !boxes.isEmpty
        }

        mutating func untickAll() {
            let boxes = Set(checkboxes.map { "\($0.name)=\($0.value)" })
            fields.removeAll { boxes.contains("\($0.name)=\($0.value)") }
        }

        mutating func set(_ name: String, _ value: String) {
            if let index = fields.firstIndex(where: { $0.name == name }) {
                fields[index].value = value
            } else {
                fields.append((name, value))
            }
        }

        var labelTexts: [String] { Array(labels.keys) }
    }

    static func visible(_ html: String) -> String {
        let stripped = html.replacing(#/<[^>]*>/#, with: " ")
        return decode(stripped).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static func attributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for match in text.matches(of: #/([a-z-]+)(?:="([^"]*)")?/#) {
            result[String(match.1)] = match.2.map { decode(String($0)) } ?? ""
        }
        return result
    }
}
