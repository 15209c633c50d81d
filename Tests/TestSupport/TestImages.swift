/// The smallest byte strings that are each image format as far as its header goes: what the
/// build reads the size from. (Not decodable pictures: only the headers are written.)
public enum TestImages {
    private static func bigEndian(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) }
    }

    private static func littleEndian(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8((value >> ($0 * 8)) & 0xFF) }
    }

    public static func png(width: Int, height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + bigEndian(13, 4) + Array("IHDR".utf8)
            + bigEndian(width, 4) + bigEndian(height, 4) + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
            + bigEndian(0, 4) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
    }

    /// A JPEG with an APP0 segment before its start-of-frame, as cameras and editors write them.
    public static func jpeg(width: Int, height: Int) -> [UInt8] {
        let app0: [UInt8] = [0xFF, 0xE0] + bigEndian(16, 2) + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        let frame: [UInt8] = [0xFF, 0xC0] + bigEndian(17, 2) + [8] + bigEndian(height, 2) + bigEndian(width, 2)
            + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        return [0xFF, 0xD8] + app0 + frame + [0xFF, 0xD9]
    }

    public static func gif(width: Int, height: Int) -> [UInt8] {
        Array("GIF89a".utf8) + littleEndian(width, 2) + littleEndian(height, 2) + [0, 0, 0, 0x3B]
    }

    /// An extended WebP (`VP8X`), whose header holds the canvas size.
    public static func webp(width: Int, height: Int) -> [UInt8] {
        let chunk: [UInt8] = Array("VP8X".utf8) + littleEndian(10, 4) + [0, 0, 0, 0] + littleEndian(width - 1, 3)
            + littleEndian(height - 1, 3)
        return Array("RIFF".utf8) + littleEndian(4 + chunk.count, 4) + Array("WEBP".utf8) + chunk
    }

    public static func svg(width: Int, height: Int) -> [UInt8] {
        Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)px\"><rect width=\"1\" height=\"1\"/></svg>\n".utf8)
    }
}
