/// The files of the built site and the summaries of its pages: what a link may reach.
struct SiteIndex: Sendable {
    /// Every file under the site folder, as paths relative to it (hidden files left out).
    let files: Set<String>
    /// Page summaries by file path.
    let pages: [String: PageSummary]

    /// The file a site path opens, as a static server would: `fr/x/` → `fr/x/index.html`, and a
    /// folder named without its slash → its `index.html`.
    func file(at sitePath: String) -> String? {
        if sitePath.isEmpty || sitePath.hasSuffix("/") {
            let index = sitePath + "index.html"
            return files.contains(index) ? index : nil
        }
        if files.contains(sitePath) { return sitePath }
        let index = sitePath + "/index.html"
        return files.contains(index) ? index : nil
    }
}
