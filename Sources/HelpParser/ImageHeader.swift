internal import Foundation
public import HelpModel

/// The format and pixel size of an image, read from the file's own bytes: the PNG `IHDR`, the
/// JPEG start-of-frame, the GIF screen descriptor, the WebP `VP8 `/`VP8L`/`VP8X` chunk, or an
/// SVG root's `width`/`height` (else its `viewBox`).
public enum ImageHeader {
    struct Size: Equatable {
        var format: ImageFile.Format
        var width: Int
        var height: Int
    }

    /// The format the bytes are, whatever the file is called; nil when they are no image.
    public static func format(of bytes: [UInt8]) -> ImageFile.Format? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return .gif }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return .webp }
        if svgRoot(bytes) != nil { return .svg }
        return nil
    }

    /// The format an extension names (`png`, `jpg`, `jpeg`, `gif`, `webp`, `svg`).
    public static func format(ofExtension name: String) -> ImageFile.Format? {
        switch name.lowercased() {
        case "png": .png
        case "jpg", "jpeg": .jpeg
        case "gif": .gif
        case "webp": .webp
        case "svg": .svg
        default: nil
        }
    }

    /// The extension files of `format` are given (`jpg` for JPEG).
    public static func fileExtension(of format: ImageFile.Format) -> String {
        format == .jpeg ? "jpg" : format.rawValue
    }

    /// Format and size; nil when the format is unknown or its header is cut short.
    static func size(of bytes: [UInt8]) -> Size? {
        guard let format = format(of: bytes) else { return nil }
        let dimensions: (Int, Int)?
        switch format {
        case .png: dimensions = bytes.count >= 24 ? (bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4)) : nil
        case .gif: dimensions = bytes.count >= 10 ? (littleEndian(bytes, 6, 2), littleEndian(bytes, 8, 2)) : nil
        case .jpeg: dimensions = jpegSize(bytes)
        case .webp: dimensions = webpSize(bytes)
        case .svg: dimensions = svgSize(bytes)
        }
        guard let dimensions, dimensions.0 > 0, dimensions.1 > 0 else { return nil }
        return Size(format: format, width: dimensions.0, height: dimensions.1)
    }

    /// Whether an SVG could run script when opened on its own (the full-size link opens it as
    /// a page of the site, outside the pages' CSP): a `<script>`, an `on…=` handler, a
    /// `javascript:` URL or a `<foreignObject>`.
    static func svgIsActive(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        if text.contains("<script") || text.contains("javascript:") || text.contains("<foreignobject") { return true }
        return text.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<(offset + count)].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// The first start-of-frame segment's height and width (markers C0–CF but C4, C8, CC).
    private static func jpegSize(_ bytes: [UInt8]) -> (Int, Int)? {
        var offset = 2
        while offset + 9 < bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF {
                offset += 1
                continue
            }
            if marker == 0x01 || (0xD0...0xD9).contains(marker) {
                offset += 2
                continue
            }
            let length = bigEndian(bytes, offset + 2, 2)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (bigEndian(bytes, offset + 7, 2), bigEndian(bytes, offset + 5, 2))
            }
            guard length >= 2 else { return nil }
            offset += 2 + length
        }
        return nil
    }

    private static func webpSize(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count >= 30 else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ":
            return (littleEndian(bytes, 26, 2) & 0x3FFF, littleEndian(bytes, 28, 2) & 0x3FFF)
        case "VP8L":
            let b0 = Int(bytes[21]), b1 = Int(bytes[22]), b2 = Int(bytes[23]), b3 = Int(bytes[24])
            return (1 + (((b1 & 0x3F) << 8) | b0), 1 + (((b3 & 0x0F) << 10) | (b2 << 2) | ((b1 & 0xC0) >> 6)))
        case "VP8X":
            return (1 + littleEndian(bytes, 24, 3), 1 + littleEndian(bytes, 27, 3))
        default:
            return nil
        }
    }

    /// The text of the `<svg …>` start tag, when the bytes are an SVG document.
    private static func svgRoot(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
        guard let start = text.range(of: "<svg", options: .caseInsensitive),
            let end = text.range(of: ">", range: start.upperBound..<text.endIndex)
        else { return nil }
        let before = text[..<start.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        // Only a prolog, a doctype or comments may come before the root.
        guard before.isEmpty || before.hasPrefix("<?xml") || before.hasPrefix("<!") else { return nil }
        return String(text[start.lowerBound..<end.upperBound])
    }

    private static func svgSize(_ bytes: [UInt8]) -> (Int, Int)? {
        guard let root = svgRoot(bytes) else { return nil }
        func attribute(_ name: String) -> String? {
            let pattern = #"\s"# + name + #"\s*=\s*["']([^"']*)["']"#
            guard let match = root.range(of: pattern, options: .regularExpression) else { return nil }
            let found = root[match]
            guard let open = found.firstIndex(where: { $0 == "\"" || $0 == "'" }) else { return nil }
            return String(found[found.index(after: open)...].dropLast())
        }
        func pixels(_ value: String?) -> Int? {
            guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value).map { Int($0.rounded()) }
        }
        if let width = pixels(attribute("width")), let height = pixels(attribute("height")) { return (width, height) }
        let box = attribute("viewBox")?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) } ?? []
        guard box.count == 4 else { return nil }
        return (Int(box[2].rounded()), Int(box[3].rounded()))
    }
}
