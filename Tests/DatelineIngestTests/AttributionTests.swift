import DatelineIngest
import DatelineModel
import Testing

/// Who said it: one attribution rule per test, on short texts of our own.
struct AttributionTests {
  func analyze(_ body: String) -> ArticleAnalysis {
    ArticleAnalysis(text: body, published: PublicationHeader.parseOption("2025-02-24"))
  }

  /// Words after the quote, then the sentence ends with its attribution after a comma.
  @Test func attributionThatEndsTheSentence() {
    let analysis = analyze(
      """
      Ilse Varga studies the river. Mayor Tom Reid approved the dam last year.

      "Nobody can stop it now" that the water is rising, said Ilse Varga, a hydrologist.

      Reid "cared deeply about" the dam, Varga said. "It was his project from the start."
      """)
    #expect(analysis.quoteSpeakers() == ["Ilse Varga", "Ilse Varga", "Ilse Varga"])
  }

  /// The object of a preposition before a participle is not its subject.
  @Test func objectOfAPrepositionDoesNotSpeak() {
    let analysis = analyze(
      """
      Ana Ruiz voted against the budget on Monday.

      Ana Ruiz wrote in a letter to Carl Brandt explaining her decision, "I could not support it."
      """)
    #expect(analysis.quoteSpeakers() == ["Ana Ruiz"])
  }

  /// A name before the comma that precedes the verb is an apposition only when a comma also
  /// comes before it; otherwise it ends a clause about the speaker.
  @Test func nameEndingAClauseIsNotTheSpeaker() {
    let analysis = analyze(
      """
      Ilse Varga won the vote on Monday.

      Mary Holm, wearing a scarf that spelled the name Varga, said the result could be a "disaster for the party."
      """)
    #expect(analysis.quoteSpeakers() == ["Mary Holm"])
  }

  /// "In the depths of the Great Drought": the object of a preposition after "the" is no
  /// subject either.
  @Test func objectAfterTheIsNoSubject() {
    let analysis = analyze(
      """
      In the depths of the Great Drought, Paul Rane worried that the aid was "a trap for the poor."
      """)
    #expect(analysis.quoteSpeakers() == ["Paul Rane"])
  }

  /// "she" in her own sentence goes to the person known to be a woman (a spokeswoman) before
  /// one whose gender is unknown.
  @Test func pronounPrefersTheKnownGender() {
    let analysis = analyze(
      """
      Party spokeswoman Nora Vance spoke on Tuesday.

      Nora Vance said on Wednesday that she called Lund Petersen to praise what she called "a brave campaign."
      """)
    #expect(analysis.quoteSpeakers() == ["Nora Vance"])
  }

  /// A quote that ends with its own question mark ends the sentence; the attribution after it
  /// is still its own.
  @Test func attributionAfterAQuestion() {
    let analysis = analyze(
      """
      Tomas Greer spoke at the harbor on Monday.

      "Do I think the ferry should stop?" Greer asked, shaking his head. "No, never."
      """)
    #expect(analysis.quoteSpeakers() == ["Tomas Greer", "Tomas Greer"])
  }

  /// The verb before the quote, then a description and the name: `explained radio host Lena
  /// Frost: "..."`.
  @Test func describedNameAfterTheVerbBeforeTheQuote() {
    let analysis = analyze(
      """
      The debate turned to money on Sunday.

      In other words, explained radio host Lena Frost: "What does that have to do with the budget?"
      """)
    #expect(analysis.quoteSpeakers() == ["Lena Frost"])
  }

  /// A long clause between commas after the name that opens the sentence, with a quoted title
  /// in it; a participle after a noun (`issued a statement saying`) has the sentence's subject.
  @Test func subjectPastALongClauseOrAParticiple() {
    let analysis = analyze(
      """
      The show ended in May.

      Sam Oduya, a contestant on the cooking show "Salt and Fire," who went on to work alongside Ilse Varga, said his boss was "always fair."

      Ilse Varga issued a statement saying that Oduya was "a wonderful colleague."
      """)
    #expect(analysis.quoteSpeakers() == ["Sam Oduya", "Ilse Varga"])
  }

  /// The attribution that ends the sentence may put a description before the name: `said
  /// Harbor State University professor Paul Beck`.
  @Test func describedNameEndingTheSentence() {
    let analysis = analyze(
      """
      The mayor won the vote in the port towns on Monday.

      The mayor "did well with dock workers" in the last election, said Harbor State University professor Paul Beck.
      """)
    #expect(analysis.quoteSpeakers() == ["Paul Beck"])
  }

  /// A source that is a document or an outlet named only by its kind: the report names it.
  @Test func documentSourcesAreNamedInTheReport() {
    let analysis = analyze(
      """
      The plan was drafted in March.

      "The cuts will fall on the poorest districts," according to a memo seen by reporters.

      "No deal is final," the newspaper wrote on Sunday.
      """)
    let report = IngestReport.items(for: analysis, file: "memo.txt")
    #expect(report.quotes.map(\.speaker) == ["a memo", "the newspaper"])
    #expect(report.quotes.map(\.speakerKind) == ["document", "organization"])
    #expect(analysis.quoteSpeakers() == [nil, nil])
  }

  /// A state before a title and a name (`Nevada Sen. Ada Holt`) names the person; a state before
  /// a party label (`a Vermont Democrat`) names no one.
  @Test func placeBeforeATitleIsPartOfTheRole() {
    let analysis = analyze(
      """
      Nevada Sen. Ada Holt says the bill is "dead on arrival" in her chamber.

      "We will keep fighting," said a Vermont Democrat.

      "The count is not over," Holt said.
      """)
    #expect(analysis.quoteSpeakers() == ["Ada Holt", nil, "Ada Holt"])
    #expect(analysis.people() == ["Ada Holt"])
  }

  /// An organization, a role in lower case, then a name: the person speaks, not the
  /// organization (`said Harbor Watch president Ivo Lind`).
  @Test func organizationBeforeARoleOnlyDescribesTheSpeaker() {
    let analysis = analyze(
      """
      "The ruling is a victory for every tenant," said Harbor Watch president Ivo Lind.

      "We expected more," said Senate Minority Whip Dara Quist.
      """)
    #expect(analysis.quoteSpeakers() == ["Ivo Lind", "Dara Quist"])
  }

  /// "the newspaper wrote" after an outlet was named is that outlet; "audio obtained by the
  /// Harbor Tribune" is a document whose wording keeps who obtained it.
  @Test func outletsAndObtainedDocuments() {
    let analysis = analyze(
      """
      The Harbor Times first reported the sale on Monday.

      "The port was sold at a loss," the newspaper wrote.

      "We cannot tell the voters yet," according to audio obtained by the Valley Tribune.
      """)
    #expect(analysis.quoteSpeakers() == ["Harbor Times", nil])
    let report = IngestReport.items(for: analysis, file: "port.txt")
    #expect(
      report.quotes.map(\.speaker) == ["Harbor Times", "audio obtained by the Valley Tribune"])
    #expect(report.quotes.map(\.speakerKind) == ["organization", "document"])
  }
}
