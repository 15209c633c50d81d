internal import HelpModel

/// Decides where a link written in an article goes on the site, or that it must not go anywhere.
///
/// `.md` links between articles (as writers type them in an editor) become the target page's
/// URL; `javascript:`, `vbscript:`, `file:` and `data:` (but for images) are dropped, as cmark's
/// own safe renderer does, because articles are rendered from the model rather than by cmark.
struct LinkResolver: Sendable {
    enum Resolution: Equatable {
        case url(String)
        /// A link to an article file that no article has.
        case missingArticle(String)
        /// A link to an article file that exists but did not parse: its own error says why, so
        /// the link is not reported as leading nowhere (`lint` checks links beside parse errors).
        case unparsedArticle
        /// A link to a draft (`draft: true`), which this build leaves out.
        case draftArticle(String)
        /// A link to an article `build --keep-going` leaves out for its errors: the path as
        /// written, and the article's file.
        case leftOutArticle(String, file: String)
        /// A scheme that could run code; the text is shown without a link.
        case unsafe
    }

    let plan: SitePlan
    /// Article files that exist but did not parse (see ``Resolution/unparsedArticle``).
    var unparsedFiles: Set<String> = []
    /// Drafts this build leaves out (see ``Resolution/draftArticle(_:)``).
    var draftFiles: Set<String> = []
    /// Whether a link to a draft is a warning and shows as text (`build --keep-going`, which
    /// publishes what it can, as it does with a link to an article it leaves out) rather than
    /// an error that stops the build.
    var draftLinksShowAsText = false
    /// Articles with errors `build --keep-going` leaves out, normalised file to file as
    /// diagnostics name it (see ``Resolution/leftOutArticle(_:file:)``).
    var leftOutFiles: [String: String] = [:]

    /// Resolves a link destination written in `article`, for a page `depth` folders deep.
    func resolve(_ destination: String, in article: Article, isImage: Bool = false) -> Resolution {
        switch target(of: destination, in: article, isImage: isImage) {
        case .article(let index, let fragment):
            // Read through the array: binding the linked article to a name copies all of it.
            let href = plan.articles[index].locale == article.locale
                ? "../\(plan.articles[index].frontMatter.slug)/"
                : "../../\(plan.directory(ofArticleAt: index))"
            return .url(href + fragment)
        case .resolved(let resolution):
            return resolution
        }
    }

    /// Where a link leads, without writing the address: what the build's link check needs.
    enum Target: Equatable {
        case article(index: Int, fragment: Substring)
        case resolved(Resolution)
    }

    func target(of destination: String, in article: Article, isImage: Bool = false) -> Target {
        if Self.isUnsafe(destination, isImage: isImage) { return .resolved(.unsafe) }
        if isImage, let image = imageFile(destination, in: article) { return .resolved(.url("../../" + image.sitePath)) }
        // On UTF-8: searching by `Character` breaks graphemes, every link of every article.
        let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) ?? destination.endIndex
        let path = destination[..<hash]
        let bytes = path.utf8
        guard bytes.count > 3, bytes.suffix(3).elementsEqual(".md".utf8), !bytes.contains(UInt8(ascii: ":")),
            bytes.first != UInt8(ascii: "/")
        else { return .resolved(.url(destination)) }
        let target = Self.articleFile(String(path), linkedFrom: article)
        // (Paths are short; this runs twice per link: once to check, once to render.)
        guard let index = plan.articleByFile[target] else {
            if draftFiles.contains(target) { return .resolved(.draftArticle(String(path))) }
            if let file = leftOutFiles[target] { return .resolved(.leftOutArticle(String(path), file: file)) }
            return .resolved(unparsedFiles.contains(target) ? .unparsedArticle : .missingArticle(String(path)))
        }
        return .article(index: index, fragment: destination[hash...])
    }

    /// The image file of the content that an image source of `article` shows, copied to the
    /// site at its ``ImageFile/sitePath``; nil for a URL.
    func imageFile(_ source: String, in article: Article) -> ImageFile? {
        article.imageFiles[source].flatMap { plan.images[$0] }
    }

    /// The content file a relative `.md` path written in `article` names.
    static func articleFile(_ path: String, linkedFrom article: Article) -> String {
        PathArithmetic.normalized(PathArithmetic.folder(of: article.file) + path)
    }


    /// The scheme, lowercased, with the control characters and spaces browsers ignore removed.
    /// On UTF-8 bytes (every link and image of every article, twice): the marks are ASCII, and
    /// a scheme with any other byte is none of the unsafe ones.
    static func isUnsafe(_ destination: String, isImage: Bool) -> Bool {
        var scheme: [UInt8] = []
        var endsInColon = false
        for byte in destination.utf8 {
            if byte == UInt8(ascii: ":") {
                endsInColon = true
                break
            }
            if byte <= 0x20 { continue }
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return false }
            scheme.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
            if scheme.count > 16 { return false }
        }
        guard endsInColon else { return false }
        switch String(decoding: scheme, as: UTF8.self) {
        case "javascript", "vbscript", "file": return true
        case "data":
            guard isImage else { return true }
            let lower = destination.lowercased()
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        default: return false
        }
    }
}
