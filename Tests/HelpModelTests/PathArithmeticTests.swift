import HelpModel
import Testing

/// Paths of `.md` links and images resolved as a file system would: `.` and `..` segments, doubled slashes.
@Suite("Path arithmetic")
struct PathArithmeticTests {
    @Test("normalised paths", arguments: [
        ("content/fr/a/../b.md", "content/fr/b.md"),
        ("content/fr/account/../payments/a00234.md", "content/fr/payments/a00234.md"),
        ("./x.md", "x.md"),
        ("../x.md", "../x.md"),
        ("a/../../b.md", "../b.md"),
        ("../../a/b/../c.md", "../../a/c.md"),
        ("/a//b/./c", "/a/b/c"),
        ("content/fr/é/../ü.md", "content/fr/ü.md"),
        ("plain/path.md", "plain/path.md"),
    ])
    func normalised(path: String, expected: String) {
        #expect(PathArithmetic.normalized(path) == expected)
    }
}
