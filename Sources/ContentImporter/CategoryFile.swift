internal import Foundation
internal import HelpModel
internal import Yams

/// The imported categories written into the content's `helpcenter.yml`: a new file when there
/// is none, else merged into the existing one as text (its comments and order kept): missing
/// categories appended, a missing name of the locale added under an existing key; and the
/// `image-limit-mib` the imported images need, when one is over the build's default.
enum CategoryFile {
    /// The category keys it added.
    /// - Parameter imageLimitMiB: the limit the largest imported image needs; nil when none is over the default.
    static func merge(
        plans: [ArticlePlan], source: SourceSite, options: ImportOptions, imageLimitMiB: Int? = nil, findings: inout [Diagnostic]
    ) throws -> [String] {
        var names: [String: String] = [:]
        for plan in plans where names[plan.category] == nil {
            names[plan.category] = plan.categoryName
        }
        let keys = names.keys.sorted()
        let path = options.content + "/helpcenter.yml"
        try FileManager.default.createDirectory(atPath: options.content, withIntermediateDirectories: true)
        guard let data = FileManager.default.contents(atPath: path) else {
            var text = newFile(keys: keys, names: names, source: source, options: options)
            if let imageLimitMiB { text += "# The largest imported image needs it (import-report.txt); the default is \(SiteConfiguration.defaultImageLimitMiB).\nimage-limit-mib: \(imageLimitMiB)\n" }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let missing = ["chrome.yml", "phrasebook.yml"].filter { !FileManager.default.fileExists(atPath: options.content + "/" + options.locale + "/" + $0) }
            let add = missing.isEmpty ? "" : ", and add \(missing.map { options.locale + "/" + $0 }.joined(separator: " and ")) (copy the shipped content/\(options.locale)/ ones)"
            findings.append(.warning(
                "wrote a new helpcenter.yml: set its base-url (https://help.example.com/ for now) and feedback-endpoint\(add)",
                file: path, at: SourceLocation(line: 1, column: 1)))
            return keys
        }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let root = try? Yams.compose(yaml: lines.joined(separator: "\n"), Resolver.basic, Constructor.default, .utf8)
        let locales = root?["locales"]?.sequence?.compactMap(\.string) ?? [options.locale]
        if !locales.contains(options.locale) {
            findings.append(.warning("helpcenter.yml does not list the locale '\(options.locale)'; add it to 'locales:'", file: path, at: SourceLocation(line: 1, column: 1)))
        }
        let existing = root?["categories"]?.mapping
        var added: [String] = []
        guard let header = lines.firstIndex(where: { $0.hasPrefix("categories:") }) else {
            lines += ["categories:"] + keys.flatMap { entry($0, names[$0] ?? $0, locales: locales) }
            if let imageLimitMiB { raiseImageLimit(&lines, to: imageLimitMiB, current: root?["image-limit-mib"]?.int) }
            try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
            return keys
        }
        var end = header + 1
        while end < lines.count, lines[end].isEmpty || lines[end].hasPrefix(" ") || lines[end].hasPrefix("#") { end += 1 }
        while end > header + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty || lines[end - 1].hasPrefix("#") { end -= 1 }
        var insertions: [(at: Int, lines: [String])] = []
        for key in keys {
            let name = names[key] ?? key
            guard let names = existing?[key] else {
                insertions.append((end, entry(key, name, locales: locales)))
                added.append(key)
                continue
            }
            if names[options.locale] == nil, let line = lines[header..<end].firstIndex(where: { $0.hasPrefix("  \(key):") }) {
                insertions.append((line + 1, ["    \(options.locale): \(YAMLText.quoted(name))"]))
            }
        }
        for insertion in insertions.sorted(by: { $0.at > $1.at }) { lines.insert(contentsOf: insertion.lines, at: insertion.at) }
        if let imageLimitMiB { raiseImageLimit(&lines, to: imageLimitMiB, current: root?["image-limit-mib"]?.int) }
        let others = locales.filter { $0 != options.locale }
        if !added.isEmpty, !others.isEmpty {
            findings.append(.warning(
                "added the categories \(added.joined(separator: ", ")) with their \(options.locale) names for \(others.joined(separator: ", ")) too; translate them",
                file: path, at: SourceLocation(line: header + 1, column: 1)))
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        return added
    }

    /// Sets `image-limit-mib` to `limit` unless the file already allows as much.
    private static func raiseImageLimit(_ lines: inout [String], to limit: Int, current: Int?) {
        if let current, current >= limit { return }
        let line = "image-limit-mib: \(limit)"
        if let index = lines.firstIndex(where: { $0.hasPrefix("image-limit-mib:") }) {
            lines[index] = line
        } else {
            if lines.last == "" { lines.removeLast() }
            lines += [line, ""]
        }
    }

    private static func entry(_ key: String, _ name: String, locales: [String]) -> [String] {
        ["  \(key):"] + locales.map { "    \($0): \(YAMLText.quoted(name))" }
    }

    private static func newFile(keys: [String], names: [String: String], source: SourceSite, options: ImportOptions) -> String {
        let title = source.title ?? "Help Center"
        var lines = [
            "# Written by helpcenter import from the \(options.format.rawValue) site \(options.source).",
            "locales: [\(options.locale)]",
            "default-locale: \(options.locale)",
            "# Where the site is published: set it before publishing.",
            "base-url: https://help.example.com/",
            "title:",
            "  \(options.locale): \(YAMLText.quoted(title))",
            "# Categories, in the order the home page lists them: key → name per locale.",
            "categories:",
        ]
        lines += keys.flatMap { entry($0, names[$0] ?? $0, locales: [options.locale]) }
        lines.append("feedback-endpoint: /feedback")
        return lines.joined(separator: "\n") + "\n"
    }
}
