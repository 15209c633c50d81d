/// The files of the built site: what a link may reach, known once the folder is listed.
struct SiteFiles: Sendable {
    /// Every file under the site folder, as paths relative to it (hidden files left out).
    let files: Set<String>
    /// Every site path that opens a file, to that file: each file by its own path, and each
    /// folder's `index.html` also as `fr/x/` and `fr/x`. Built once, so resolving the hundreds
    /// of thousands of links of a large site is one lookup each.
    private let targets: [String: String]

    init(_ files: Set<String>) {
        self.files = files
        var targets: [String: String] = [:]
        targets.reserveCapacity(files.count * 2)
        for file in files {
            targets[file] = file
            if file == "index.html" {
                targets[""] = file
            } else if file.hasSuffix("/index.html") {
                let folder = String(file.dropLast("index.html".count))
                targets[folder] = file
                // A folder named without its slash: a static server redirects to it.
                if targets[String(folder.dropLast())] == nil { targets[String(folder.dropLast())] = file }
            }
        }
        self.targets = targets
    }

    /// The file a site path opens, as a static server would: `fr/x/` → `fr/x/index.html`, and a
    /// folder named without its slash → its `index.html`.
    func file(at sitePath: String) -> String? {
        targets[sitePath]
    }
}

/// The site's files and the summaries of its pages: what the cross-page rules look things up in.
struct SiteIndex: Sendable {
    let files: SiteFiles
    /// Page summaries by file path.
    let pages: [String: PageSummary]

    func file(at sitePath: String) -> String? {
        files.file(at: sitePath)
    }
}
