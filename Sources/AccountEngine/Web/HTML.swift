internal import HTMLEscaping

/// A fragment of HTML. Interpolated `String`s are escaped; only other `HTML` values go in as
/// they are, so a page cannot print a user's name unescaped by accident.
struct HTML: ExpressibleByStringInterpolation, Sendable {
    let rendered: String

    init(stringLiteral value: String) {
        rendered = value
    }

    init(stringInterpolation: StringInterpolation) {
        rendered = stringInterpolation.output
    }

    private init(rendered: String) {
        self.rendered = rendered
    }

    static let empty: HTML = ""

    /// Joins fragments without a separator.
    static func join(_ parts: [HTML]) -> HTML {
        HTML(rendered: parts.map(\.rendered).joined())
    }

    struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) {
            output += literal
        }

        mutating func appendInterpolation(_ text: String) {
            output += HTMLEscaping.escape(text)
        }

        mutating func appendInterpolation(_ number: Int64) {
            output += String(number)
        }

        mutating func appendInterpolation(_ fragment: HTML) {
            output += fragment.rendered
        }

        mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { output += fragment.rendered }
        }
    }
}
