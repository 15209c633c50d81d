internal import Foundation
internal import HelpModel
internal import HelpParser

/// What the importer knows of the whole source site while it converts one article: where each
/// article goes in our content, where images live, and how the source addressed them.
struct ImportedSite: Sendable {
    var format: ImportOptions.Format
    /// The source folder as the user named it.
    var root: String
    /// Where image paths start (`images/` for Jekyll, `docs/` for MkDocs), inside `root`.
    var imagesRoot: String
    /// The content folder's locale folder (`en`): articles go below it.
    var locale: String
    /// Source path (`_articles/account/x.md`) → output path under the content folder (`en/account/x.md`).
    var outputBySourcePath: [String: String]
    /// Jekyll's `/article/<slug>/` names → output path.
    var outputBySlug: [String: String]
    /// Output paths of the articles that become drafts.
    var drafts: Set<String>
    /// Source category folders (the address of their listing, `/hosting/`) → our category keys.
    var categoryKeys: [String: String]

    /// Where an image of the source (a path inside `root`) is copied, under the content folder.
    func imageOutput(for sourcePath: String) -> String {
        let inside = sourcePath.hasPrefix(imagesRoot) ? String(sourcePath.dropFirst(imagesRoot.count)) : sourcePath
        return "images/" + inside
    }

    /// How an article at `from` (an output path) names the image copied to `image`: through its
    /// locale's `images/` folder, which falls back to the shared one (README, "Images").
    func imageReference(from article: String, to image: String) -> String {
        Paths.relative(from: article, to: locale + "/" + image)
    }

    /// `output` with the extension of the image format the source file's bytes are, when its
    /// own extension names another; nil when it is right or the bytes are no image we know.
    func nameForContents(_ output: String, sourcePath: String) -> (path: String, format: String)? {
        guard let handle = FileHandle(forReadingAtPath: root + "/" + sourcePath) else { return nil }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 512))
        let named = output.split(separator: ".").last.flatMap { ImageHeader.format(ofExtension: String($0)) }
        guard let actual = ImageHeader.format(of: head), actual != named, let dot = output.lastIndex(of: ".") else { return nil }
        let label = actual == .jpeg ? "JPEG" : actual.rawValue.uppercased()
        return (String(output[..<dot]) + "." + ImageHeader.fileExtension(of: actual), label)
    }

    /// The whole MiB a source image needs as `image-limit-mib` when it is over the default; nil when it is not.
    func mebibytesOverDefaultLimit(_ sourcePath: String) -> Int? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: root + "/" + sourcePath))?[.size] as? Int,
            size > SiteConfiguration.defaultImageLimitMiB << 20
        else { return nil }
        return (size + (1 << 20) - 1) >> 20
    }

    func fileExists(_ sourcePath: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + sourcePath, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}

/// Path arithmetic on `/`-separated relative paths.
enum Paths {
    /// `a/b/../c` → `a/c`; `..` above the start is dropped (a site's root has no parent).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// The folder of a file path, with its slash (`a/b.md` → `a/`; `b.md` → ``).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// The relative path from the file `from` to the file `to`, both relative to one root.
    static func relative(from: String, to: String) -> String {
        let fromFolder = folder(of: from).split(separator: "/")
        let target = to.split(separator: "/")
        var common = 0
        while common < fromFolder.count, common < target.count - 1, fromFolder[common] == target[common] { common += 1 }
        let up = Array(repeating: "..", count: fromFolder.count - common)
        return (up + target[common...].map(String.init)).joined(separator: "/")
    }
}
