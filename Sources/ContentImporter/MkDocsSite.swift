internal import Foundation
internal import HelpModel
internal import Yams

/// Reading a MkDocs (Material) site: `mkdocs.yml` (`site_name`, `docs_dir`, `nav:` titles and
/// sections, the redirects plugin's `redirect_maps`), then every page under the docs folder.
enum MkDocsSite {
    static func read(root: String) -> Result<SourceSite, ImportFailure> {
        let settingsFile = root + "/mkdocs.yml"
        guard FileManager.default.fileExists(atPath: settingsFile) else {
            return .failure(ImportFailure(diagnostics: [], message: "\(settingsFile): no such file; is \(root) a MkDocs site?"))
        }
        let settings: Node?
        switch SourceSite.settings(settingsFile) {
        case .success(let node): settings = node
        case .failure(let problem): return .failure(ImportFailure(diagnostics: [problem]))
        }
        let docs = settings?["docs_dir"]?.string ?? "docs"
        var diagnostics: [Diagnostic] = []
        var articles: [SourceArticle] = []
        for path in SourceSite.markdownFiles(root: root, under: docs) {
            let inside = String(path.dropFirst(docs.count + 1))
            let parts = inside.split(separator: "/")
            let folder = parts.count > 1 ? String(parts[0]) : ""
            switch SourceSite.article(root: root, relativePath: path, slug: slug(of: inside), folder: folder) {
            case .success(let article): articles.append(article)
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        guard diagnostics.isEmpty else { return .failure(ImportFailure(diagnostics: diagnostics)) }
        // A page's file name is its slug when no other page has it (`guide/export.md` → `export`).
        let names = Dictionary(grouping: articles, by: { fileSlug(of: $0.relativePath) })
        for index in articles.indices where names[fileSlug(of: articles[index].relativePath)]?.count == 1 {
            articles[index].slug = fileSlug(of: articles[index].relativePath)
        }
        var site = SourceSite(articles: articles, title: settings?["site_name"]?.string, imagesRoot: docs + "/")
        if let nav = settings?["nav"] { readNavigation(nav, docs: docs, section: nil, into: &site) }
        for plugin in settings?["plugins"]?.sequence ?? [] {
            guard let maps = plugin["redirects"]?["redirect_maps"]?.mapping else { continue }
            for (old, new) in maps {
                guard let old = old.string, let new = new.string, !new.contains("://") else { continue }
                site.formerSlugs[docs + "/" + new, default: []].append(slug(of: old))
            }
        }
        return .success(site)
    }

    /// `a/b.md` → `a-b`, `a/index.md` → `a`, `index.md` → `home`: one name per page.
    static func slug(of path: String) -> String {
        var parts = path.replacingOccurrences(of: ".md", with: "").split(separator: "/").map(String.init)
        if parts.last == "index" || parts.last == "README" { parts.removeLast() }
        return parts.isEmpty ? "home" : parts.joined(separator: "-")
    }

    /// `docs/a/b.md` → `a/b`: the page's path without the docs folder, `.md` and `index`.
    private static func pagePath(_ path: String) -> [String] {
        var parts = path.replacingOccurrences(of: ".md", with: "").split(separator: "/").map(String.init).dropFirst()
        if parts.last == "index" || parts.last == "README" { parts.removeLast() }
        return Array(parts)
    }

    /// The page's own name: its file's, or its folder's for an `index.md`.
    private static func fileSlug(of path: String) -> String {
        pagePath(path).last ?? "home"
    }

    /// `nav:` entries: `- Title: page.md`, `- Section: [ … ]`, `- page.md`.
    private static func readNavigation(_ node: Node, docs: String, section: String?, into site: inout SourceSite) {
        for item in node.sequence ?? [] {
            guard let (key, value) = item.mapping?.first else { continue }
            let title = key.string ?? ""
            if let page = value.string {
                let path = docs + "/" + page
                site.navigationTitles[path] = title
                let parts = page.split(separator: "/")
                if let section, parts.count > 1, site.folderNames[String(parts[0])] == nil { site.folderNames[String(parts[0])] = section }
            } else {
                readNavigation(value, docs: docs, section: title, into: &site)
            }
        }
    }
}
