internal import Foundation
internal import HelpModel

/// `_redirects` (the file Netlify and Cloudflare Pages read, which the build writes from the
/// articles' aliases): each line `from to [status]` sends readers to a page the site has.
struct RedirectsFileRule {
    static let fileName = "_redirects"

    let sitePath: String
    let displayRoot: String
    let files: SiteFiles
    let address: SiteAddress

    func findings() -> [Finding] {
        guard files.files.contains(Self.fileName),
            let bytes = FileSystem.read(sitePath + "/" + Self.fileName)
        else { return [] }
        let file = displayRoot + Self.fileName
        var findings: [Finding] = []
        for (offset, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            let at = { (field: Substring) in
                SourceLocation(line: offset + 1, column: line.distance(from: line.startIndex, to: field.startIndex) + 1)
            }
            guard fields.count >= 2 else {
                findings.append(Finding(.redirect, .error("a _redirects line is 'from to [status]'", file: file, at: at(first))))
                continue
            }
            let target = fields[1]
            guard case .site(let path, _) = address.resolve(String(target), fromPage: ""), files.file(at: path) != nil else {
                findings.append(Finding(.redirect, .error(
                    "_redirects sends \(first) to \(target), which is not a page of the site", file: file, at: at(target))))
                continue
            }
        }
        return findings
    }
}
