import Foundation
import KnowledgeModel
import Testing

/// The UTC date that decides whether an accepted risk has expired, computed without Calendar.
@Suite struct TodayTests {
    @Test func agreesWithTheGregorianCalendarInUTC() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Every 7 hours and 13 minutes from 1901 to 2199: month ends, leap days and centuries included.
        var seconds = -2_177_452_800.0
        while seconds < 7_258_118_400 {
            let date = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            if AnswerSet.today(date) != expected {
                Issue.record("\(seconds): \(AnswerSet.today(date)) != \(expected)")
                return
            }
            seconds += 7 * 3_600 + 13 * 60
        }
        #expect(AnswerSet.today(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
        #expect(AnswerSet.today(Date(timeIntervalSince1970: 951_868_799)) == "2000-02-29")
        #expect(AnswerSet.today(Date(timeIntervalSince1970: -1)) == "1969-12-31")
    }
}
