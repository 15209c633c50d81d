internal import Foundation
/// The Content-Security-Policy every page carries in a `<meta>`: nothing but the site's own
/// files, and the feedback collector where the feedback form posts.
enum ContentSecurityPolicy {
    static func header(feedbackEndpoint: String) -> String {
        var collector = "'self'"
        if let origin = origin(of: feedbackEndpoint) { collector += " \(origin)" }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src \(collector); form-action \(collector); base-uri 'none'; object-src 'none'"
    }

    /// `https://feedback.example.com:8443` of an absolute URL; nil for a path on the site.
    static func origin(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(url[..<schemeEnd.upperBound]) + host
    }
}
