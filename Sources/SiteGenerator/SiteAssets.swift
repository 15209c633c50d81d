internal import Foundation

/// The stylesheet and script every page links to, shipped as package resources.
struct SiteAsset: Sendable {
    let name: String
    let bytes: [UInt8]
}

enum SiteAssets {
    static let names = ["site.css", "site.js", "search.js"]

    /// Read once per process from the target's resource bundle.
    static let all: [SiteAsset] = names.map { name in
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Assets")
        let bytes = url.flatMap { FileManager.default.contents(atPath: $0.path) }.map(Array.init) ?? []
        precondition(!bytes.isEmpty, "the SiteGenerator resource bundle lacks Assets/\(name); rebuild the package")
        return SiteAsset(name: name, bytes: bytes)
    }
}
