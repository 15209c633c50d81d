internal import ArgumentParser
internal import Foundation
internal import HelpModel
internal import HelpParser

/// `helpcenter new`: a new article, or the translation of one, written with valid front matter
/// and never over an existing file.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new article, or a translation to fill in, into the content folder.",
        discussion: """
            helpcenter new fr/verrouillage-compte --title "…" --category account writes \
            content/fr/verrouillage-compte.md: front matter (id from the name, today's date, \
            version 1, draft: true) and a section to fill in. helpcenter new --translate ID --to en \
            writes the translation of the source article with that id: translates: set to the \
            source's locale and version, and the source's sections and steps to translate. \
            Refuses to overwrite a file (exit 2). Remove draft: true to publish.
            """
    )

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The new article as <locale>/<name> (the name becomes its id and slug).", valueName: "locale/name"))
    var article: String?

    @Option(help: "The article's title, as readers see it.")
    var title: String?

    @Option(help: "A category key of helpcenter.yml.")
    var category: String?

    @Option(name: .long, help: ArgumentHelp("Translate the source article with this id…", valueName: "id"))
    var translate: String?

    @Option(name: .long, help: ArgumentHelp("…into this locale.", valueName: "locale"))
    var to: String?

    func validate() throws {
        if translate != nil {
            guard to != nil, article == nil else { throw ValidationError("--translate ID needs --to LOCALE and no article name") }
        } else {
            guard article != nil, title != nil, category != nil else {
                throw ValidationError("give <locale>/<name> --title \"…\" --category KEY, or --translate ID --to LOCALE")
            }
        }
    }

    func run() throws {
        let loaded = try options.load()
        guard let content = loaded.content else {
            DiagnosticReport.print(loaded.diagnostics)
            throw ExitStatus.usage.exitCode
        }
        let path: String
        let text: String
        if let translate {
            (path, text) = try translation(of: translate, to: to ?? "", in: content)
        } else {
            (path, text) = try newArticle(in: content)
        }
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // `.withoutOverwriting`: a file that appeared since the check is still not replaced.
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            DiagnosticReport.printError("error: cannot write \(path): \(error.localizedDescription)\n")
            throw ExitStatus.usage.exitCode
        }
        print("wrote \(path)")
    }

    /// Refuses a path that exists, before anything else is said about the article.
    private func refuseExisting(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        throw fail("\(path) exists; helpcenter new never overwrites a file")
    }

    private func fail(_ message: String) -> ExitCode {
        DiagnosticReport.printError("error: \(message)\n")
        return ExitStatus.usage.exitCode
    }

    private static var today: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// YAML for a one-line text: quoted, so that `:` or `#` in a title stays text.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private func newArticle(in content: HelpContent) throws -> (String, String) {
        let parts = (article ?? "").split(separator: "/").map(String.init)
        guard parts.count == 2, let locale = parts.first, let name = parts.last?.replacingOccurrences(of: ".md", with: "") else {
            throw fail("name the article as <locale>/<name>, e.g. fr/verrouillage-compte")
        }
        guard content.configuration.locales.contains(locale) else {
            throw fail("'\(locale)' is not a locale of helpcenter.yml (\(content.configuration.locales.joined(separator: ", ")))")
        }
        guard !name.isEmpty, name.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
            name.first != "-", name.last != "-"
        else { throw fail("'\(name)' cannot be an id: use lowercase letters a–z, digits and '-'") }
        let path = "\(options.content)/\(locale)/\(name).md"
        try refuseExisting(path)
        guard let category, content.configuration.categories[category] != nil else {
            throw fail("'\(category ?? "")' is not a category of helpcenter.yml (\(content.configuration.categoryOrder.joined(separator: ", ")))")
        }
        if let taken = content.articles.first(where: { $0.id == name && $0.locale == locale }) {
            throw fail("\(taken.file) already has the id '\(name)' in \(locale)")
        }
        let title = self.title ?? name
        let text = """
            ---
            id: \(name)
            title: \(Self.quoted(title))
            updated: \(Self.today)
            category: \(category)
            version: 1
            draft: true
            ---

            ## \(title)

            …

            """
        return (path, text)
    }

    private func translation(of id: String, to locale: String, in content: HelpContent) throws -> (String, String) {
        guard content.configuration.locales.contains(locale) else {
            throw fail("'\(locale)' is not a locale of helpcenter.yml (\(content.configuration.locales.joined(separator: ", ")))")
        }
        let sources = content.articles.filter { $0.id == id && $0.frontMatter.translates == nil }
        guard let source = sources.first(where: { $0.locale == content.configuration.defaultLocale }) ?? sources.first else {
            throw fail("no source article has the id '\(id)' (a source has 'version:' and no 'translates:')")
        }
        guard source.locale != locale else { throw fail("'\(id)' is written in \(locale) already: it is the source") }
        let path = "\(options.content)/\(locale)/\((source.file as NSString).lastPathComponent)"
        try refuseExisting(path)
        if let existing = content.articles.first(where: { $0.id == id && $0.locale == locale }) {
            throw fail("'\(id)' has a \(locale) translation already: \(existing.file)")
        }
        guard let text = try? String(contentsOfFile: source.file, encoding: .utf8) else {
            throw fail("cannot read \(source.file)")
        }
        let lines = text.components(separatedBy: "\n")
        let closing = lines.indices.dropFirst().first { lines[$0].trimmingCharacters(in: .whitespaces) == "---" } ?? 0
        let body = lines[(closing + 1)...].joined(separator: "\n")
        let translated = """
            ---
            id: \(id)
            title: \(Self.quoted(source.frontMatter.title))
            updated: \(Self.today)
            category: \(source.frontMatter.category)
            translates: {locale: \(source.locale), version: \(source.frontMatter.version)}
            draft: true
            ---
            """ + body + (body.hasSuffix("\n") ? "" : "\n")
        return (path, translated)
    }
}
