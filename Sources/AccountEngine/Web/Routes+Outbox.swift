internal import Foundation
internal import HTTPTypes
internal import Hummingbird

/// `/_dev/outbox` (only with `--dev`): the latest e-mails for a person trying the engine by
/// hand, with their links clickable. Not localized: it is a developer's page.
extension AccountEngine {
    func addOutboxRoutes(to router: Router<BasicRequestContext>) {
        router.get("/_dev/outbox") { _, _ in
            let messages = try await self.store.recentMail(limit: 100).map { mail -> HTML in
                let links = mail.links.map { "<li><a href=\"\($0)\">\($0)</a></li>" as HTML }
                return """
                    <article><h2>\(mail.subject)</h2><p>To: \(mail.to) — \(mail.sentAt.description)</p>\
                    <pre>\(mail.body)</pre><ul>\(links)</ul></article>
                    """
            }
            let document: HTML = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Outbox</title>\
                <link rel="stylesheet" href="/assets/engine.css"></head><body><main><h1>Outbox</h1>\(messages)</main></body></html>
                """
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: document.rendered))
            )
        }
    }
}
