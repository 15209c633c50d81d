import HelpModel
import Testing

@Suite("Calendar days")
struct CalendarDayTests {
    @Test("ISO dates read and print back", arguments: ["2026-11-18", "2024-02-29", "0999-01-01"])
    func roundTrip(text: String) throws {
        let day = try #require(CalendarDay(iso: text))
        #expect(day.description == text)
    }

    @Test("impossible or malformed dates are refused", arguments: [
        "2026-02-29", "2026-13-01", "2026-04-31", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-01-01T00:00",
    ])
    func refused(text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }

    @Test("days order by date")
    func ordering() throws {
        let earlier = try #require(CalendarDay(iso: "2025-12-31"))
        let later = try #require(CalendarDay(iso: "2026-01-01"))
        #expect(earlier < later)
    }
}
