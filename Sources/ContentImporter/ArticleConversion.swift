internal import Foundation
internal import HelpModel

/// The state of converting one article: where it comes from and goes, and what the import
/// found to report, images to copy and links made along the way.
struct ArticleConversion {
    let site: ImportedSite
    let article: SourceArticle
    /// The output path under the content folder (`en/account/x.md`).
    let output: String
    private(set) var findings: [Diagnostic] = []
    /// Source image path → output path, for every image the article shows.
    private(set) var images: [String: String] = [:]
    /// The `image-limit-mib` the article's largest image needs, when one is over the default.
    private(set) var imageLimitMiB: Int?
    /// Each link to another article: its source line and the target's output path.
    private(set) var articleLinks: [(line: Int, target: String)] = []

    init(site: ImportedSite, article: SourceArticle, output: String) {
        self.site = site
        self.article = article
        self.output = output
    }

    /// A construct the import could not convert, or converted in a way a writer should look at.
    mutating func report(_ message: String, line: Int, column: Int = 1) {
        findings.append(.warning(message, file: article.file, at: SourceLocation(line: line, column: max(column, 1))))
    }

    /// The target of a link or image of the source, written for our content.
    mutating func target(_ raw: String, isImage: Bool, line: Int) -> String {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("<"), text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        text = Liquid.removingSiteVariables(text)
        if let linked = Liquid.linkTagPath(text) {
            return articleLink(sourcePath: Paths.normalized(linked), fragment: "", raw: raw, line: line)
        }
        var (path, fragment) = split(text)
        if path.contains(":") || path.hasPrefix("//") { return text }
        // An anchor of one of the source's headings, as the heading's id is written here.
        if !fragment.isEmpty { fragment = "#" + HeadingAnchors.ours(String(fragment.dropFirst())) }
        if path.isEmpty { return fragment }
        let sourcePath = sourcePath(of: path)
        if isImage || isImageFile(sourcePath) { return image(sourcePath, raw: raw, line: line) + fragment }
        if site.format == .jekyll, sourcePath.hasPrefix("article/") {
            let slug = sourcePath.dropFirst("article/".count).split(separator: "/").first.map(String.init) ?? ""
            guard let target = site.outputBySlug[slug] else {
                // Kept as the old site's address, as a link to another page of it is: the article
                // builds, and `validate` lists the link as dead on the new site too.
                let address = "/article/\(slug)/"
                report("link to article '\(slug)', which the source does not have (dead in the source): written as '\(address)', "
                    + "which validate reports; fix or remove it", line: line)
                return address + fragment
            }
            return linked(to: target, line: line) + fragment
        }
        return articleLink(sourcePath: sourcePath, fragment: fragment, raw: raw, line: line)
    }

    private mutating func articleLink(sourcePath: String, fragment: String, raw: String, line: Int) -> String {
        let candidates = [sourcePath, sourcePath + ".md", sourcePath + "/index.md", sourcePath + "/README.md"]
            + (sourcePath.hasSuffix(".html") ? [String(sourcePath.dropLast(5)) + ".md"] : [])
        let known = site.outputBySourcePath
        if let target = candidates.compactMap({ known[$0] }).first {
            return linked(to: target, line: line) + fragment
        }
        if let category = site.categoryKeys[sourcePath], !sourcePath.isEmpty {
            // A category's listing: ours is `<locale>/category/<key>/`, beside the article's page.
            return "../category/\(category)/" + fragment
        }
        report("link to '\(raw)' names no article or image of the source; left as '/\(sourcePath)\(fragment)', a page of the old site", line: line)
        return "/" + sourcePath + fragment
    }

    private mutating func linked(to target: String, line: Int) -> String {
        articleLinks.append((line, target))
        return Paths.relative(from: output, to: target)
    }

    /// An image of the source (a path inside the source folder): copied, and named from here.
    mutating func image(_ sourcePath: String, raw: String, line: Int) -> String {
        var copy = site.imageOutput(for: sourcePath)
        if site.fileExists(sourcePath) {
            // "x.png" that holds a JPEG: the build refuses a name that lies, so the copy is named
            // for what it holds (browsers showed it anyway, which is how the source kept it).
            if let renamed = site.nameForContents(copy, sourcePath: sourcePath) {
                report("image '\(raw)' holds \(renamed.format) data under another extension; copied as \(renamed.path)", line: line)
                copy = renamed.path
            }
            images[sourcePath] = copy
            if let mib = site.mebibytesOverDefaultLimit(sourcePath) {
                imageLimitMiB = max(imageLimitMiB ?? 0, mib)
                report("image '\(raw)' is over the build's \(SiteConfiguration.defaultImageLimitMiB) MiB limit; helpcenter.yml gets "
                    + "image-limit-mib: \(mib) so that it builds: make it smaller (crop, or save as WebP or JPEG) to keep pages light", line: line)
            }
        } else {
            report("image '\(raw)' does not exist in the source (\(sourcePath)); add the file to the content's \(copy)", line: line)
        }
        return site.imageReference(from: output, to: copy)
    }

    /// A path of the link as a path inside the source folder.
    private func sourcePath(of path: String) -> String {
        switch site.format {
        case .jekyll:
            // Relative links resolve against the article's address, /article/<slug>/.
            return Paths.normalized(path.hasPrefix("/") ? path : "article/\(article.slug)/" + path)
        case .mkdocs:
            if path.hasPrefix("/") { return Paths.normalized(site.imagesRoot + path) }
            let resolved = Paths.normalized(Paths.folder(of: article.relativePath) + path)
            return resolved
        }
    }

    private func isImageFile(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"].contains { lower.hasSuffix($0) }
    }

    private func split(_ text: String) -> (path: String, fragment: String) {
        guard let hash = text.firstIndex(of: "#") else { return (text, "") }
        return (String(text[..<hash]), String(text[hash...]))
    }
}
