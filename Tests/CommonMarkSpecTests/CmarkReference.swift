internal import CCmark
import Foundation

/// cmark's own HTML for a document, the reference the spec suite compares with: libcmark's
/// `cmark_render_html` in its safe default (`CMARK_OPT_DEFAULT`, raw HTML omitted), the same
/// options the parser uses. The only file of this target with cmark pointers.
enum CmarkReference {
    /// - Parameter unsafe: keep raw HTML (`CMARK_OPT_UNSAFE`), as the spec's own expected HTML
    ///   does; only to check that the suite reads the spec right.
    static func html(_ markdown: String, unsafe: Bool = false) -> String {
        let options = unsafe ? CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        let bytes = Array(markdown.utf8)
        let root = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let root else { return "" }
        defer { cmark_node_free(root) }
        guard let rendered = cmark_render_html(root, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
