/// A JUnit XML document: the test-report format every CI system reads.
///
/// Commands map what they checked onto test cases (a page, an article, a procedure) so that a
/// CI dashboard shows which one failed and why.
struct JUnitReport {
    struct TestCase {
        var name: String
        var className: String
        /// Failure messages; a case with none passed.
        var failures: [String] = []
        /// Shown with the case without failing it (warnings under `--fail-on error`).
        var output: [String] = []
        /// Why the case was not run (a manual step), shown by CI as skipped.
        var skipped: String?
        var seconds: Double = 0
    }

    struct Suite {
        var name: String
        var cases: [TestCase]
    }

    var name: String
    var suites: [Suite]

    func render() -> String {
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.cases.count { !$0.failures.isEmpty } }
        let skipped = suites.reduce(0) { $0 + $1.cases.count { $0.skipped != nil } }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(Self.escape(name))\" tests=\"\(tests)\" failures=\"\(failures)\"\(skipped > 0 ? " skipped=\"\(skipped)\"" : "")>\n"
        for suite in suites {
            let suiteFailures = suite.cases.count { !$0.failures.isEmpty }
            let suiteSkipped = suite.cases.count { $0.skipped != nil }
            xml += "  <testsuite name=\"\(Self.escape(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suiteFailures)\" errors=\"0\""
                + "\(suiteSkipped > 0 ? " skipped=\"\(suiteSkipped)\"" : "")>\n"
            for testCase in suite.cases {
                xml += "    <testcase name=\"\(Self.escape(testCase.name))\" classname=\"\(Self.escape(testCase.className))\" time=\"\(testCase.seconds)\""
                guard !testCase.failures.isEmpty || !testCase.output.isEmpty || testCase.skipped != nil else {
                    xml += "/>\n"
                    continue
                }
                xml += ">\n"
                if let reason = testCase.skipped {
                    xml += "      <skipped message=\"\(Self.escape(reason))\"/>\n"
                }
                if !testCase.failures.isEmpty {
                    let first = testCase.failures[0]
                    xml += "      <failure message=\"\(Self.escape(first))\">\(Self.escape(testCase.failures.joined(separator: "\n")))</failure>\n"
                }
                if !testCase.output.isEmpty {
                    xml += "      <system-out>\(Self.escape(testCase.output.joined(separator: "\n")))</system-out>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
