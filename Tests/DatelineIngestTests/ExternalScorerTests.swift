import Foundation
import Testing

@testable import DatelineIngest

/// The scorers for corpora annotated by others, on tiny texts of our own in their formats.
struct ExternalScorerTests {
  @Test func headNameIsTheNamedSpeakerOfASourceMention() {
    #expect(PolNeARScorer.headName("Mr. Coale") == "Coale")
    #expect(
      PolNeARScorer.headName("Trump's campaign manager Kellyanne Conway") == "Kellyanne Conway")
    #expect(PolNeARScorer.headName("Charlie King, a New York Democrat") == "Charlie King")
    #expect(PolNeARScorer.headName("a spokesman for Clinton") == nil)
    #expect(PolNeARScorer.headName("the source") == nil)
    #expect(PolNeARScorer.headName("he") == nil)
    #expect(PolNeARScorer.headName("The New York Post") == "New York Post")
    #expect(PolNeARScorer.headName("Officials at the agency", lowercaseWords: ["officials"]) == nil)
  }

  /// A digest's headline in capitals, marked as the source of the quote under it, names no
  /// speaker; a short label in capitals does.
  @Test func aHeadlineInCapitalsNamesNoSource() {
    #expect(PolNeARScorer.headName("HOW THE HARBOR TOWNS LOST THEIR FERRIES") == nil)
    #expect(PolNeARScorer.headName("ADA HOLT IS FEELING THE HEAT") == nil)
    #expect(PolNeARScorer.headName("PENCE") == "PENCE")
    #expect(PolNeARScorer.headName("FBI") == "FBI")
    #expect(PolNeARScorer.headName("Ada Holt Of The Harbor Times") != nil)
  }

  /// A name that only modifies the noun after it does not name the source: an aide of Clinton
  /// is not Clinton.
  @Test func aNameModifyingACommonNounNamesNoSource() {
    #expect(PolNeARScorer.headName("one Clinton aide") == nil)
    #expect(PolNeARScorer.headName("the Florida senator") == nil)
    #expect(PolNeARScorer.headName("White House officials") == nil)
    #expect(PolNeARScorer.headName("Twenty-four percent") == nil)
    #expect(PolNeARScorer.headName("White House press secretary Josh Earnest") == "Josh Earnest")
    #expect(PolNeARScorer.headName("Mr. Rubio himself") == "Rubio")
    #expect(PolNeARScorer.headName("Sanders and his allies") == "Sanders")
    #expect(PolNeARScorer.headName("Mayor Bill de Blasio") == "Blasio")
    #expect(PolNeARScorer.headName("the Clinton camp, Robby Mook") == "Robby Mook")
    // A no-break space separates words; a generational suffix is no surname.
    #expect(PolNeARScorer.headName("Sen.\u{A0}Sanders") == "Sanders")
    #expect(PolNeARScorer.headName("He\u{A0}") == nil)
    #expect(PolNeARScorer.headName("Robert P. Casey Jr.") == "Robert P. Casey")
    #expect(PolNeARScorer.speakerMatches("Donald Trump", "Trump\u{A0}"))
  }

  @Test func aPlaceBeforeAPartyLabelNamesNoSource() {
    #expect(PolNeARScorer.headName("an Ohio Democrat") == nil)
    #expect(PolNeARScorer.headName("one New Mexico Republican") == nil)
    #expect(PolNeARScorer.headName("Democrat Lena Park") == "Lena Park")
  }

  @Test func speakersMatchByTheHeadsLastWord() {
    #expect(PolNeARScorer.speakerMatches("John P. Coale", "Coale"))
    #expect(PolNeARScorer.speakerMatches("James O\u{2019}Neill", "O'Neill"))
    #expect(!PolNeARScorer.speakerMatches("Donald Trump", "Gwen Moore"))
    #expect(!PolNeARScorer.speakerMatches(nil, "Moore"))
  }

  @Test func quotedSpansIncludeOnesLeftOpenAtAParagraphEnd() {
    let text = "A \u{201C}one two\u{201D} b \"three\" c\n\u{201C}four five\n"
    let spans = PolNeARScorer.quotedSpans(Array(text.unicodeScalars))
    let words = spans.map { range in
      String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))
    }
    #expect(words == ["one two", "three", "four five"])
  }

  @Test func attributionsAreScoredAgainstBratAnnotations() {
    let text =
      "Intro.\n\n\"We will win the vote,\" Mr. Lane said. Lane's aide called it \"a mess.\"\n"
    let content = text.range(of: "We will win the vote,")!
    let start = text.distance(from: text.startIndex, to: content.lowerBound)
    let end = text.distance(from: text.startIndex, to: content.upperBound)
    let source = text.range(of: "Mr. Lane")!
    let sourceStart = text.distance(from: text.startIndex, to: source.lowerBound)
    let annotations = """
      T1\tSource \(sourceStart) \(sourceStart + 8)\tMr. Lane
      T2\tCue \(sourceStart + 9) \(sourceStart + 13)\tsaid
      T3\tContent \(start) \(end)\tWe will win the vote,
      T4\tAttribution \(sourceStart + 9) \(sourceStart + 13)\tsaid
      E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
      """
    var score = AttributionScore()
    PolNeARScorer.score(
      text: text, annotations: annotations, name: "outlet_2016-09-20_x", into: &score)
    // The second quoted span is in no attribution's content: it is not gold.
    #expect(score.spans.gold == 1)
    #expect(score.spans.truePositives == 1)
    #expect(score.namedGold == 1)
    #expect(score.namedRight == 1)
  }

  /// Scalar offsets of `piece` in `text`, as brat writes them.
  static func offsets(of piece: String, in text: String) -> String {
    let range = text.range(of: piece)!
    let start = text.unicodeScalars.distance(
      from: text.unicodeScalars.startIndex, to: range.lowerBound)
    return "\(start) \(start + piece.unicodeScalars.count)"
  }

  @Test func goldContentIncludesSecondPartsSplitPiecesAndTranscriptLabels() {
    let text =
      "Intro.\n\n\"One two three,\" Ann Lee said. \"Four five six.\"\n\n"
      + "\u{201D}Seven eight nine.\u{201D} \u{2015} Bo Kim\n\n\"LEE: Ten eleven twelve.\n"
    func at(_ piece: String) -> String { Self.offsets(of: piece, in: text) }
    let seven = at("Seven eight").split(separator: " ")
    let nine = at("nine.").split(separator: " ")
    let annotations = """
      T1\tSource \(at("Ann Lee"))\tAnn Lee
      T2\tContent \(at("One two three,"))\tOne two three,
      T3\tContent \(at("Four five six."))\tFour five six.
      E1\tAttribution:T9 Content:T2 Content2:T3 Source:T1
      T4\tSource \(at("Bo Kim"))\tBo Kim
      T5\tContent \(seven[0]) \(seven[1]);\(nine[0]) \(nine[1])\tSeven eight nine.
      E2\tAttribution:T9 Content:T5 Source:T4
      T6\tSource \(at("LEE"))\tLEE
      T7\tContent \(at("Ten eleven twelve."))\tTen eleven twelve.
      E3\tAttribution:T9 Content:T7 Source:T6
      """
    var score = AttributionScore()
    PolNeARScorer.score(
      text: text, annotations: annotations, name: "outlet_2016-09-20_x", into: &score)
    // The part after the attribution (Content2), a content cut in two at a space, a closing
    // mark typed as an opening one, and a transcript line whose label is the source: all gold.
    #expect(score.spans.gold == 4, "\(score.misses)")
    #expect(score.namedGold == 4)
  }

  @Test func timeMLCalendarDatesAreScoredByValue() {
    let xml = """
      <TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
      <TEXT>Prices fell on <TIMEX3 tid="t1" type="DATE" value="1998-08-03" functionInDocument="NONE">Monday</TIMEX3> after a year of &quot;gains&quot; in <TIMEX3 tid="t2" type="DATE" value="1997" functionInDocument="NONE">1997</TIMEX3>, and the <TIMEX3 tid="t3" type="DURATION" value="P1W" functionInDocument="NONE">week</TIMEX3> ended.</TEXT></TimeML>
      """
    let parsed = TimeMLScorer.parse(xml)
    #expect(parsed.created == "1998-08-07")
    #expect(parsed.timexes.map(\.1) == ["1998-08-03", "1997", ""])
    var score = DateValueScore()
    TimeMLScorer.score(timeML: xml, name: "t", into: &score)
    #expect(score.gold == 2)
    #expect(score.right == 2, "\(score.misses)")
    #expect(TimeMLScorer.isCalendar("1998-08"))
    #expect(!TimeMLScorer.isCalendar("PRESENT_REF"))
    #expect(!TimeMLScorer.isCalendar("1998-W32"))
  }

  /// "within weeks" gets an approximate month a guessed three weeks on: an estimate, not a
  /// calendar date, so it is neither right nor wrong; "late August" is a month all the same.
  @Test func vagueSpansAreEstimatesNotCalendarDates() {
    let xml = """
      <TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
      <TEXT>Troops will arrive <TIMEX3 tid="t1" type="DATE" value="FUTURE_REF" functionInDocument="NONE">within weeks</TIMEX3>. The first ones came in <TIMEX3 tid="t2" type="DATE" value="1998-08" functionInDocument="NONE">late August</TIMEX3>.</TEXT></TimeML>
      """
    var score = DateValueScore()
    TimeMLScorer.score(timeML: xml, name: "t", into: &score)
    #expect(score.predicted == 1, "\(score.misses)")
    #expect(score.right == 1, "\(score.misses)")
    #expect(TimeMLScorer.isVagueSpan("in the coming months"))
    #expect(TimeMLScorer.isVagueSpan("within weeks"))
    #expect(!TimeMLScorer.isVagueSpan("in the next two weeks"))
    #expect(!TimeMLScorer.isVagueSpan("late August"))
  }
}
