@testable import HelpParser
import HelpModel
import Testing
import TestSupport

/// The size of an image, read from its own header, for each format the site shows.
@Suite("Image headers")
struct ImageHeaderTests {
    @Test("PNG, JPEG, GIF, WebP and SVG give their format and size")
    func sizes() {
        #expect(ImageHeader.size(of: TestImages.png(width: 1280, height: 720)) == .init(format: .png, width: 1280, height: 720))
        #expect(ImageHeader.size(of: TestImages.jpeg(width: 800, height: 600)) == .init(format: .jpeg, width: 800, height: 600))
        #expect(ImageHeader.size(of: TestImages.gif(width: 32, height: 16)) == .init(format: .gif, width: 32, height: 16))
        #expect(ImageHeader.size(of: TestImages.webp(width: 390, height: 844)) == .init(format: .webp, width: 390, height: 844))
        #expect(ImageHeader.size(of: TestImages.svg(width: 120, height: 40)) == .init(format: .svg, width: 120, height: 40))
        let viewBox = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48.4 24\"></svg>".utf8)
        #expect(ImageHeader.size(of: viewBox) == .init(format: .svg, width: 48, height: 24))
    }

    @Test("text, a cut-short header and an SVG without a size are no image the site can show")
    func notImages() {
        #expect(ImageHeader.size(of: Array("Bonjour".utf8)) == nil)
        #expect(ImageHeader.size(of: Array(TestImages.png(width: 1, height: 1).prefix(12))) == nil)
        #expect(ImageHeader.size(of: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".utf8)) == nil)
        #expect(ImageHeader.format(of: Array("<p>not an svg <svg></svg></p>".utf8)) == nil)
    }

    @Test("an SVG with script or handlers is active")
    func activeSVG() {
        #expect(ImageHeader.svgIsActive(Array("<svg onload=\"alert(1)\"></svg>".utf8)))
        #expect(ImageHeader.svgIsActive(Array("<svg><script>x()</script></svg>".utf8)))
        #expect(!ImageHeader.svgIsActive(TestImages.svg(width: 1, height: 1)))
    }
}
