/// An image file of the content that an article shows: where it is, where the site serves
/// it, and the size read from its own header (so pages reserve its box and do not jump).
public struct ImageFile: Sendable, Hashable, Codable {
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        case png
        case jpeg
        case gif
        case webp
        case svg
    }

    /// The path as the loader names files (`content/fr/images/compte.png`): the key of
    /// ``HelpContent/images`` and of ``Article/imageFiles``'s values.
    public var file: String
    /// Where to read the bytes from (the path resolved against the loader's working folder).
    public var readPath: String
    /// Where the site serves it: `images/compte.png` (shared) or `fr/images/compte.png`.
    public var sitePath: String
    public var format: Format
    public var width: Int
    public var height: Int
    public var byteCount: Int

    public init(file: String, readPath: String, sitePath: String, format: Format, width: Int, height: Int, byteCount: Int) {
        self.file = file
        self.readPath = readPath
        self.sitePath = sitePath
        self.format = format
        self.width = width
        self.height = height
        self.byteCount = byteCount
    }
}
