internal import Foundation
internal import Logging
internal import NIOConcurrencyHelpers

/// `SITE/.helpcenter-articles.json`, read again whenever its size, time or inode changes, so
/// an article the preview server just built is accepted without a restart.
///
/// A missing or unreadable file leaves an empty catalog (every vote is "unknown article") and
/// one warning or error; another only after the file has been read successfully in between.
final class CatalogFile: Sendable {
    static let name = ".helpcenter-articles.json"

    let path: String
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

    private struct State {
        var signature: FileSignature?
        var catalog = ArticleCatalog.empty
        var loaded = false
        var failing = false
    }

    init(site: String, logger: Logger) {
        path = URL(fileURLWithPath: site).appendingPathComponent(Self.name).path
        self.logger = logger
        _ = current()
    }

    /// The catalog as the file is now; reads it only when its signature changed.
    func current() -> ArticleCatalog {
        let signature = FileSignature(path: path)
        return state.withLockedValue { state in
            if state.loaded, signature == state.signature { return state.catalog }
            state.loaded = true
            state.signature = signature
            do {
                state.catalog = try ArticleCatalog(json: Data(contentsOf: URL(fileURLWithPath: path)))
                if state.failing {
                    logger.notice("feedback: read \(state.catalog.articles.count) articles from \(path)")
                }
                state.failing = false
            } catch {
                state.catalog = .empty
                if !state.failing { logProblem(error) }
                state.failing = true
            }
            return state.catalog
        }
    }

    /// A missing list is a warning (a site not built yet, or the wrong `--site`); a list that
    /// cannot be read or is not the generator's JSON is an error, with its reason.
    private func logProblem(_ error: any Error) {
        if let error = error as? CocoaError, error.code == .fileReadNoSuchFile {
            logger.warning(
                "feedback: no article list at \(path): build the site first (helpcenter build); every vote is refused until it exists")
        } else {
            logger.error(
                "feedback: cannot read the article list \(path): \(error.localizedDescription); every vote is refused until it is fixed")
        }
    }
}
