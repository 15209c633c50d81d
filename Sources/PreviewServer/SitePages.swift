internal import Foundation

/// Finds the file of a request path inside the built site, as a static host would:
/// `/fr/` is `fr/index.html`, `/fr` redirects to `/fr/`, and what is missing is the 404 page of
/// the path's locale. Paths are decoded once and may not climb out of the site, neither by
/// `..` nor by a symbolic link: what does not resolve (`realpath`) inside the site's own real
/// folder is not served, as if it were missing.
struct SitePages: Sendable {
    let root: String

    enum Resolution: Equatable {
        case file(String)
        case redirect(String)
        case notFound(page: String?)
    }

    func resolve(_ requestPath: String) -> Resolution {
        guard let decoded = requestPath.removingPercentEncoding,
            !decoded.contains("\0"), decoded.hasPrefix("/")
        else { return notFound(requestPath) }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return notFound(decoded) }
        let relative = segments.joined(separator: "/")
        let path = relative.isEmpty ? root : root + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isInside(path) else {
            return notFound(decoded)
        }
        guard isDirectory.boolValue else { return .file(path) }
        guard decoded.hasSuffix("/") else { return .redirect(requestPath + "/") }
        let index = path + "/index.html"
        return FileManager.default.fileExists(atPath: index) && isInside(index) ? .file(index) : notFound(decoded)
    }

    /// Whether `path`, every symbolic link resolved, is the site's folder or inside it.
    private func isInside(_ path: String) -> Bool {
        guard let real = Self.realPath(path), let site = Self.realPath(root) else { return false }
        return real == site || real.hasPrefix(site.hasSuffix("/") ? site : site + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func notFound(_ path: String) -> Resolution {
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        for candidate in [first.isEmpty || first.hasPrefix(".") ? nil : "\(root)/\(first)/404.html", "\(root)/404.html"] {
            if let candidate, FileManager.default.fileExists(atPath: candidate), isInside(candidate) {
                return .notFound(page: candidate)
            }
        }
        return .notFound(page: nil)
    }

    /// The page with the preview's script and style before `</head>` and, while the latest
    /// build has errors, the banner right after `<body …>`.
    static func inject(into html: [UInt8], errors: [String]) -> [UInt8] {
        var output = html
        if !errors.isEmpty, let bodyStart = range(of: "<body", in: output),
            let close = output[bodyStart.upperBound...].firstIndex(of: UInt8(ascii: ">"))
        {
            output.insert(contentsOf: Array(PreviewHTML.errorBanner(errors).utf8), at: close + 1)
        }
        let head = Array(PreviewAssets.headTags.utf8)
        if let headEnd = range(of: "</head>", in: output) {
            output.insert(contentsOf: head, at: headEnd.lowerBound)
        } else {
            output.insert(contentsOf: head, at: 0)
        }
        return output
    }

    /// The first occurrence of an ASCII tag, ignoring case.
    private static func range(of tag: String, in bytes: [UInt8]) -> Range<Int>? {
        let needle = Array(tag.lowercased().utf8)
        guard bytes.count >= needle.count else { return nil }
        outer: for start in 0...(bytes.count - needle.count) {
            for (offset, byte) in needle.enumerated() where bytes[start + offset] | 0x20 != byte | 0x20 {
                continue outer
            }
            return start..<(start + needle.count)
        }
        return nil
    }
}
