/// A link or an image of an article's body: where it points and where it is written.
public struct ArticleLink: Sendable, Hashable, Codable {
    public var destination: String
    public var isImage: Bool
    public var range: SourceRange
    /// An image's alt text, as plain text (nil for a link): what the image rules read without
    /// walking the article again.
    public var alt: String?

    public init(destination: String, isImage: Bool, range: SourceRange, alt: String? = nil) {
        self.destination = destination
        self.isImage = isImage
        self.range = range
        self.alt = alt
    }
}

/// One help article in one locale: the root of the typed model.
public struct Article: Sendable, Hashable, Codable {
    /// The path of the Markdown file, as the content folder was named to the parser.
    public var file: String
    public var locale: String
    public var frontMatter: FrontMatter
    /// Blocks before the first section heading.
    public var intro: [Block]
    public var sections: [Section]
    /// The facts the prose states that the checker verifies ("5 fois sans succès"), in reading order.
    public var claims: [Claim]
    /// Every link and image of the body, in reading order, as the parser met them: the build's
    /// link check reads this list rather than walking the whole tree again. Nil for an article
    /// made by hand, whose tree is walked.
    public var links: [ArticleLink]?
    /// The image file each relative image source of the article shows (`images/compte.png` →
    /// `content/fr/images/compte.png`), resolved by the loader; keys of ``HelpContent/images``.
    public var imageFiles: [String: String] = [:]

    public init(
        file: String, locale: String, frontMatter: FrontMatter, intro: [Block], sections: [Section], claims: [Claim] = []
    ) {
        self.claims = claims
        self.file = file
        self.locale = locale
        self.frontMatter = frontMatter
        self.intro = intro
        self.sections = sections
    }

    public var id: String { frontMatter.id }

    /// Every procedure of the article in reading order, intro first.
    public var procedures: [Procedure] {
        (intro + sections.flatMap(\.blocks)).flatMap(\.procedures)
    }

    /// Action kinds per step per procedure: equal in an article and its faithful translations.
    public var procedureShape: [[[Action.Kind]]] { procedures.map(\.shape) }
}

extension Block {
    /// Procedures in this block, including those inside notes and lists.
    public var procedures: [Procedure] {
        switch self {
        case .procedure(let procedure): [procedure]
        case .note(let note): note.blocks.flatMap(\.procedures)
        case .list(let list): list.items.flatMap { $0.flatMap(\.procedures) }
        case .paragraph, .code, .table: []
        }
    }
}
