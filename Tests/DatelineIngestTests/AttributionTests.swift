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

  /// A name that ends in "-ly" is no adverb between a subject and its verb.
  @Test func aNameEndingInLyIsNoAdverb() {
    let analysis = analyze(
      """
      Nora Kelly interviewed Omar Sayed on Tuesday.

      When Sayed paused, Kelly said: "That can happen at any age."
      """)
    #expect(analysis.quoteSpeakers() == ["Nora Kelly"])
  }

  /// A common first name tells a person's gender: "he" skips a woman named first.
  @Test func aFirstNameTellsTheGenderForAPronoun() {
    let analysis = analyze(
      """
      Megan Lott interviewed Omar Sayed on Tuesday.

      Asked about the vote, the candidate said no. "People change their minds," he said.
      """)
    #expect(analysis.quoteSpeakers() == ["Omar Sayed"])
  }

  /// "Former" opening a sentence is no part of a name; "labeling" reports a judgement.
  @Test func formerAndLabeling() {
    let analysis = analyze(
      """
      Former Nevada Gov. Rob Lenz, for his part, is labeling the plan "a blatant abuse of power."

      Former Lenz aide Ben Ode called it a mess.
      """)
    #expect(analysis.quoteSpeakers() == ["Rob Lenz"])
    #expect(analysis.people() == ["Rob Lenz", "Ben Ode"])
  }

  /// "Ada Holt of The Harbor Times wrote": the person, not where she works.
  @Test func aPersonOfAnOrganizationSpeaks() {
    let analysis = analyze(
      """
      Ada Holt of The Harbor Times wrote, "The port deal is a mistake."

      "We will appeal," Ben Ode of the Dock Workers Union said.
      """)
    #expect(analysis.quoteSpeakers() == ["Ada Holt", "Ben Ode"])
  }

  /// "went on", "shot back": a verb and particle attribute like a speech verb.
  @Test func phrasalSpeechVerbs() {
    let analysis = analyze(
      """
      Nora Vik spoke first. "The tax is too high," she said.

      "You know, it happens," Omar Sayed went on. "But we fix it."
      """)
    #expect(analysis.quoteSpeakers() == ["Nora Vik", "Omar Sayed", "Omar Sayed"])
  }

  /// "telling X" names the listener, not the speaker: the sentence's subject speaks.
  @Test func tellingNamesTheListener() {
    let analysis = analyze(
      """
      Hours later, Omar Sayed returned the favor, telling Nora Vik, "We have been friends for years."
      """)
    #expect(analysis.quoteSpeakers() == ["Omar Sayed"])
  }

  /// A verb of speech whose subject is not next to it: the sentence's subject.
  @Test func speechVerbWithItsSubjectFarBefore() {
    let analysis = analyze(
      """
      Omar Sayed at the time said he'd asked his lawyers to "look into" the fees.
      """)
    #expect(analysis.quoteSpeakers() == ["Omar Sayed"])
  }

  /// A quote alone in its paragraph, after a paragraph that reports what someone thinks
  /// without quoting them.
  @Test func speakerReportedInTheParagraphBefore() {
    let analysis = analyze(
      """
      Nora Vik praised the mayor's plan for the harbor.

      "We need someone who cuts through the noise."
      """)
    #expect(analysis.quoteSpeakers() == ["Nora Vik"])
  }

  /// Two people with one surname stay two: the surname alone is the one named most, or the
  /// one its honorific marks.
  @Test func peopleSharingASurnameStayApart() {
    let analysis = analyze(
      """
      Maria Lind opened the fair on Monday. Her husband, Thomas Lind, spoke after her, and Thomas Lind cut the ribbon.

      "The harbor is back," Lind said.

      "I am proud of this town," Mrs. Lind said.
      """)
    #expect(Set(analysis.people()) == ["Maria Lind", "Thomas Lind"])
    #expect(analysis.quoteSpeakers() == ["Thomas Lind", "Maria Lind"])
  }

  /// An attribution that ends the sentence may go on after a semicolon (a debug build asserted
  /// on comparing a token with ";").
  @Test func attributionBeforeASemicolon() {
    let analysis = analyze(
      """
      The mayor "did well with dock workers" in the vote, said Paul Beck; the count ended late.
      """)
    #expect(analysis.quoteSpeakers() == ["Paul Beck"])
  }

  /// "Sayed's remarks": a speech verb's form after a possessive is a noun, not a verb.
  @Test func aPossessiveMakesASpeechVerbANoun() {
    let analysis = analyze(
      """
      Nora Vik denounced Omar Sayed's remarks as "hurtful and humiliating."
      """)
    #expect(analysis.quoteSpeakers() == ["Nora Vik"])
  }

  /// A surname that is also a nationality word names the person once the full name was given.
  @Test func aSurnameThatIsANationality() {
    let analysis = analyze(
      """
      Mark Cuban spoke on Sunday.

      "It's too early to tell," Cuban said.
      """)
    #expect(analysis.quoteSpeakers() == ["Mark Cuban"])
  }

  /// A name after the quote, then a long description, then the verb: the name speaks, and the
  /// next quote in the paragraph continues them.
  @Test func nameThenALongDescriptionThenTheVerb() {
    let analysis = analyze(
      """
      "The race is close," Ada Holt, the pollster who founded a survey site in 2008 wrote on Wednesday. "It will stay close."
      """)
    #expect(analysis.quoteSpeakers() == ["Ada Holt", "Ada Holt"])
  }

  /// A name alone before a colon labels the quote: `Ruiz: "..."`.
  @Test func aNameBeforeAColonLabelsTheQuote() {
    let analysis = analyze(
      """
      Ana Ruiz and Omar Sayed both reject the plan.

      Ruiz: "Our goal is to defeat it, not to delay it." Sayed: "The plan must go."
      """)
    #expect(analysis.quoteSpeakers() == ["Ana Ruiz", "Omar Sayed"])
  }

  /// `"...," the Harbor Times reported`: an outlet's name after "the", and its verb.
  @Test func anOutletReportsAfterTheQuote() {
    let analysis = analyze(
      """
      In one email, the minister mentioned a "burn bag," the Harbor Times reported.
      """)
    #expect(analysis.quoteSpeakers() == ["Harbor Times"])
  }

  /// A name between the verb and the quote is the verb's object when the verb has a subject:
  /// `Ruiz said Sayed "caused harm."`, `Lenz called Ruiz "unhinged."`
  @Test func aNameBeforeTheQuoteIsTheVerbsObject() {
    let analysis = analyze(
      """
      Omar Sayed and Ana Ruiz traded blows on Monday.

      Ana Ruiz said Omar Sayed "caused real harm." Rob Lenz called Ruiz "unhinged."
      """)
    #expect(analysis.quoteSpeakers() == ["Ana Ruiz", "Rob Lenz"])
  }

  /// A quote that runs into its sentence, or that a colon introduces, with no verb that
  /// attributes it, is the words of the name that opens the sentence; not a possessor's.
  @Test func aQuoteRunningIntoItsSentenceIsItsSubjects() {
    let analysis = analyze(
      """
      Ada Holt spoke in Marlow on Monday.

      On Monday, Ada Holt launched into a lament for the "forgotten harbor towns" of the coast.

      Carl Brandt delivered a short retort: "No one is leaving the harbor."

      Holt's "assertion that the harbor is dying" puzzled the council.
      """)
    #expect(analysis.quoteSpeakers() == ["Ada Holt", "Carl Brandt", nil])
  }

  /// In a digest, a headline, a dash and who is quoted before a colon (the last of two).
  @Test func aNameAfterADashBeforeAColon() {
    let analysis = analyze(
      """
      The polls are in.

      HARBOR POLLS WERE RIGHT, JUST EARLY - Ada Holt and Carl Brandt: "The polls closed a week before the vote, and the late deciders broke one way."
      """)
    #expect(analysis.quoteSpeakers() == ["Carl Brandt"])
  }

  /// "Bill" and "Will" are also a thing and a verb; inside a sentence they start a name.
  @Test func aFirstNameThatIsACommonWord() {
    let analysis = analyze(
      """
      Fees went up again.

      "It is a costly model," said Will Doyle, a professor of economics. "Salaries are most of it."

      "Shops will close," said Bill Moran, president of the Harbor Traders Association.
      """)
    #expect(analysis.quoteSpeakers() == ["Will Doyle", "Will Doyle", "Bill Moran"])
  }

  /// A one-word name that reports, or that "according to" credits, is an outlet.
  @Test func aOneWordOutletThatReports() {
    let analysis = analyze(
      """
      The vote was held on Friday. As Harborview reported, "the margin was two votes."

      According to Tidewire, "the recount starts Monday."
      """)
    #expect(analysis.quoteSpeakers() == ["Harborview", "Tidewire"])
  }

  /// Verbs that attribute a quote only next to it: `"...?" Lenz pressed.`
  @Test func verbsThatAttributeOnlyNextToAQuote() {
    let analysis = analyze(
      """
      Rob Lenz interviewed Ana Ruiz on Friday.

      "Would the toll be negotiable?" Lenz pressed. "Could some drivers pay less?"

      "Not this year," remembered Ana Ruiz.
      """)
    #expect(analysis.quoteSpeakers() == ["Rob Lenz", "Rob Lenz", "Ana Ruiz"])
  }

  /// `As the Harbor Times's Ada Holt puts it, ...`: the sentence credits its words first.
  @Test func asSomeonePutsIt() {
    let analysis = analyze(
      """
      Ada Holt writes for the Harbor Times. As Ada Holt puts it, the mayor is making the council "an offer it can't refuse."
      """)
    #expect(analysis.quoteSpeakers() == ["Ada Holt"])
  }

  /// After the verb, a description with a possessor, a comma and the name: the named person.
  @Test func aDescriptionThenACommaThenTheName() {
    let analysis = analyze(
      """
      Ana Ruiz spoke first. Carl Brandt spoke after her.

      "It is about time," exhorted Ruiz's introducer, actress Mina Lark.

      The board did not find "ties of any consequence," said the board's director, Carl Brandt, on Monday.
      """)
    #expect(analysis.quoteSpeakers() == ["Mina Lark", "Carl Brandt"])
  }

  /// A party label before a name with its own place and title is part of the role.
  @Test func aPartyLabelOpensTheRole() {
    let analysis = analyze(
      """
      Republican North Dakota Sen. Ada Holt says the toll must go.

      "It is not my favorite plan," Holt, a former mayor, told reporters on Monday.
      """)
    #expect(analysis.quoteSpeakers() == ["Ada Holt"])
    #expect(analysis.people() == ["Ada Holt"])
  }

  /// `"..." would help, Republican candidate Carl Brandt said after the vote.`: a description
  /// before the name, and words of time after the verb.
  @Test func anAttributionEndingTheSentenceWithDescriptionAndTail() {
    let analysis = analyze(
      """
      The council voted on Monday.

      "More ferries" would help, Republican candidate Carl Brandt said after the vote.
      """)
    #expect(analysis.quoteSpeakers() == ["Carl Brandt"])
  }

  /// A quote that ends its paragraph, signed in a short paragraph of its own: `- Ada Holt.`
  @Test func aSignatureInTheNextParagraph() {
    let analysis = analyze(
      """
      Ada Holt and Carl Brandt debated the toll.

      "The toll pays for the bridge and nothing else."

      - Ada Holt.

      "Drivers pay twice."

      -Carl Brandt, Marlow.
      """)
    #expect(analysis.quoteSpeakers() == ["Ada Holt", "Carl Brandt"])
  }

  /// `Huhn, a former vice president, said Lenz "..."`: after a subject and its apposition, the
  /// name between the verb and the quote is the object.
  @Test func aNameAfterTheVerbOfASubjectWithAnApposition() {
    let analysis = analyze(
      """
      Carl Brandt and Rob Lenz ran the port.

      Carl Brandt, a former harbor master, said Lenz "was closely involved in every decision."
      """)
    #expect(analysis.quoteSpeakers() == ["Carl Brandt"])
  }

  /// `Holt shot back, "..."`: a verb and particle of speech before the quote; "goes on" before
  /// other words is no such verb.
  @Test func aPhrasalVerbBeforeTheQuote() {
    let analysis = analyze(
      """
      After Carl Brandt criticized the toll, Ada Holt shot back, "I chose to fix the bridge."

      Ada Holt said that once the council goes on recess, "I will visit every town."
      """)
    #expect(analysis.quoteSpeakers() == ["Ada Holt", "Ada Holt"])
  }

  /// A participle after a comma has the sentence's subject, not a name in the clause before it.
  @Test func aParticipleAfterAClauseHasTheSentencesSubject() {
    let analysis = analyze(
      """
      Ada Holt, the mayor, also attacked Carl Brandt, with whom she clashed on Monday, calling him a "loser."
      """)
    #expect(analysis.quoteSpeakers() == ["Ada Holt"])
  }

  /// A quote that runs into a sentence with its own subject is not the previous speaker's in
  /// the paragraph; a name that only describes a role goes to the person with the role.
  @Test func theQuotesOwnSubjectBeatsTheParagraphsLastSpeaker() {
    let analysis = analyze(
      """
      "We will all campaign," Rob Lenz added. Ada Holt talked up her "fifty-town plan" on Friday.

      Holt campaign chairman Tomas Greer called it "the boldest plan in a generation."
      """)
    #expect(analysis.quoteSpeakers() == ["Rob Lenz", "Ada Holt", "Tomas Greer"])
  }

  /// A one-word name before a verb that attributes only next to a quote is a speaker.
  @Test func aOneWordNameBeforeAQuoteVerb() {
    let analysis = analyze(
      """
      "Would it be negotiable?" Lenz pressed.
      """)
    #expect(analysis.quoteSpeakers() == ["Lenz"])
  }

  /// The alias made of a title and the surname keeps the abbreviation's dot on its word.
  @Test func aTitledAliasKeepsTheDotOnTheTitle() {
    let analysis = analyze(
      """
      Sen. Walter B. Hughes of Kansas was more cautious.
      """)
    let hughes = analysis.entities.first { $0.name == "Walter B. Hughes" }
    #expect(hughes?.aliases.contains("Sen. Hughes") == true)
    #expect(hughes?.aliases.contains { $0.contains(" .") } == false)
  }

  /// A quote that opens a sentence inside its paragraph, after a sentence that reports what
  /// someone says, is theirs.
  @Test func aQuoteAfterASentenceThatReportsSomeone() {
    let analysis = analyze(
      """
      The harbor board met on Monday. Ada Holt announced the lawsuit against the ferry company. "We are seeking a court order."
      """)
    #expect(analysis.quoteSpeakers() == ["Ada Holt"])
  }

  /// A description of up to six words that opens like a name may stand between the quote and
  /// the name whose verb attributes it.
  @Test func aLongCapitalizedDescriptionBeforeTheName() {
    let analysis = analyze(
      """
      Laura Brandt inspects the docks.

      "The ferry must keep running," Harbor City Port Authority chief inspector Laura Brandt said.
      """)
    #expect(analysis.quoteSpeakers() == ["Laura Brandt"])
  }

  /// "and" after a quote starts a clause of its own, whose speaker is not the quote's; two
  /// names joined by "and" still sign it together.
  @Test func andAfterTheQuoteStartsAnotherClause() {
    let analysis = analyze(
      """
      Ana Ruiz calls the plan a "costly gamble" and Peter Lind says it will fail.

      "The numbers are grim," Edward Marsh and Clara Vidal wrote.
      """)
    #expect(analysis.quoteSpeakers() == ["Ana Ruiz", "Clara Vidal"])
  }

  /// A verb and particle of speech, then an adverb, then the colon: "fired back sharply:".
  @Test func aPhrasalVerbWithAnAdverbBeforeTheColon() {
    let analysis = analyze(
      """
      Ana Ruiz and Peter Lind debated the budget on Monday.

      When Ruiz suggested a delay, Lind fired back sharply: "Not on my watch."
      """)
    #expect(analysis.quoteSpeakers() == ["Peter Lind"])
  }

  /// A name between commas, after a description, then the verb that ends the sentence.
  @Test func aNameBetweenCommasBeforeTheClosingVerb() {
    let analysis = analyze(
      """
      Ada Holt lost the vote on Sunday.

      "We knew it would be close," Holt's campaign manager, David Morel, said.
      """)
    #expect(analysis.quoteSpeakers() == ["David Morel"])
  }

  /// The pronoun in a relative clause (`Greer, whom he called`) is not the person the clause
  /// describes.
  @Test func thePronounInARelativeClauseIsSomeoneElse() {
    let analysis = analyze(
      """
      Kim Sato met Tomas Greer on Monday.

      Sato said that the port needed Greer, whom he called "a tireless partner."
      """)
    #expect(analysis.quoteSpeakers() == ["Kim Sato"])
  }

  /// A chain of "of" phrases after the person: where they work is not who speaks.
  @Test func aChainOfOfPhrasesAfterThePerson() {
    let analysis = analyze(
      """
      The port reopened on Monday.

      Peter Lind of the Union of Dock Workers of Marlow told reporters, "Nothing has changed."
      """)
    #expect(analysis.quoteSpeakers() == ["Peter Lind"])
  }

  /// The person who opens the sentence, with an apposition that names an organization before
  /// the verb.
  @Test func thePersonOpeningTheSentenceBeforeHerApposition() {
    let analysis = analyze(
      """
      The board met on Monday.

      Ana Ruiz, chair of the board of the Harbor Trust, a charity, said it would "fight to the end."
      """)
    #expect(analysis.quoteSpeakers() == ["Ana Ruiz"])
  }

  /// The agent of a passive "asked by" put the question quoted.
  @Test func theAgentOfAPassiveQuestion() {
    let analysis = analyze(
      """
      Ana Ruiz spoke at the harbor on Monday.

      Ruiz was asked by Harbor TV host Peter Lind, who has covered the port for years, "Will you run again?"
      """)
    #expect(analysis.quoteSpeakers() == ["Peter Lind"])
  }

  /// An apposition that is a list with commas, and a second apposition after the first.
  @Test func appositionsWithCommasInside() {
    let analysis = analyze(
      """
      The port reopened on Monday.

      "We will not stop," Ana Ruiz, secretary for ports, roads, and rail, said on Monday.

      "It is a start," said David Morel, director of the Harbor Trust, a charity that runs two shelters.
      """)
    #expect(analysis.quoteSpeakers() == ["Ana Ruiz", "David Morel"])
  }

  /// A participle right after an attribution (`Ruiz added, saying`) has its speaker, not the
  /// sentence's first name.
  @Test func aParticipleAfterAnAttribution() {
    let analysis = analyze(
      """
      Peter Lind met Ana Ruiz on Monday.

      Lind cannot say that "the port is safe," Ruiz added, saying it is "far from ready."
      """)
    #expect(analysis.quoteSpeakers() == ["Ana Ruiz", "Ana Ruiz"])
  }

  /// After the quote, "telling" names the listener, not the speaker.
  @Test func tellingAfterTheQuoteNamesTheListener() {
    let analysis = analyze(
      """
      The Harbor Workers Union met on Monday.

      The Harbor Workers Union did not want to discuss "that matter," telling Harbor TV that it would wait.
      """)
    #expect(analysis.quoteSpeakers() == ["Harbor Workers Union"])
  }

  /// `"...," Ruiz is quoted as saying.`
  @Test func quotedAsSaying() {
    let analysis = analyze(
      """
      Ana Ruiz runs the port.

      "We knew the risk," Ruiz is quoted as saying.
      """)
    #expect(analysis.quoteSpeakers() == ["Ana Ruiz"])
  }

  /// A town and its state after "of": the person before them speaks.
  @Test func aTownAndStateAfterThePerson() {
    let analysis = analyze(
      """
      The vote is on Tuesday.

      Maria Lopez of Marlow, Vermont says she is "ready to vote."
      """)
    #expect(analysis.quoteSpeakers() == ["Maria Lopez"])
  }

  /// A person named right before the colon that introduces the quote, unless the name is the
  /// object of a preposition ("a message to Lind:").
  @Test func aPersonBeforeTheColon() {
    let analysis = analyze(
      """
      Turnout fell on Tuesday.

      The result does not surprise pollster Peter Lind: "Turnout was low."

      The mayor delivered a blunt message to Peter Lind: "Stop the strike."
      """)
    #expect(analysis.quoteSpeakers() == ["Peter Lind", nil])
  }

  /// A single name that speaks later in the article is a person where it first appears too.
  @Test func aSingleNameThatSpeaksLaterIsAPersonEarlier() {
    let analysis = analyze(
      """
      The council met on Monday.

      Lind compared the two plans, saying, "Mine is cheaper." Later Lind said he would wait.
      """)
    #expect(analysis.quoteSpeakers() == ["Lind"])
  }

  /// "is pledging to" reports speech: the sentence's subject, past an apposition.
  @Test func pledgingReportsSpeech() {
    let analysis = analyze(
      """
      The port reopened on Monday.

      Peter Lind, celebrating the vote in his home town, is pledging to "finish the job."
      """)
    #expect(analysis.quoteSpeakers() == ["Peter Lind"])
  }

  /// `Ruiz issued a statement, "..."`: the statement is the sentence's subject's.
  @Test func aStatementNounBeforeTheQuote() {
    let analysis = analyze(
      """
      The court ruled on Monday.

      Ana Ruiz issued a statement, "We will appeal."
      """)
    #expect(analysis.quoteSpeakers() == ["Ana Ruiz"])
  }

  /// "went on to say": the infinitive has the subject of the verb before "to".
  @Test func anInfinitiveHasTheSubjectOfTheVerbBeforeIt() {
    let analysis = analyze(
      """
      Peter Lind met Ana Ruiz on Monday.

      Lind declined the offer and Ruiz went on to say, "We will wait."
      """)
    #expect(analysis.quoteSpeakers() == ["Ana Ruiz"])
  }

  /// `as X put it` after a comma inside the sentence, with a description before the name.
  @Test func asSomeonePutItInsideTheSentence() {
    let analysis = analyze(
      """
      The port closed in May.

      At the time, as port inspector Maria Holt put it, "nothing was wrong."
      """)
    #expect(analysis.quoteSpeakers() == ["Maria Holt"])
  }

  /// `, according to union leader Peter Lind.` at the end of the quote's sentence.
  @Test func accordingToADescribedPersonAtTheEnd() {
    let analysis = analyze(
      """
      The strike ended on Monday.

      The company hired "dozens" of guards, according to union leader Peter Lind.
      """)
    #expect(analysis.quoteSpeakers() == ["Peter Lind"])
  }

  /// Words of role before the person who opens the sentence with an apposition.
  @Test func rolesBeforeThePersonOpeningTheSentence() {
    let analysis = analyze(
      """
      The board met on Monday.

      Former harbor master Peter Lind, chair of the board of the Harbor Trust, said it was "a fair deal."
      """)
    #expect(analysis.quoteSpeakers() == ["Peter Lind"])
  }

  /// A transcript's speaker labels in capitals: the person with that surname, or a person of
  /// their own when the label opens two paragraphs; a section label ("VIDEO:") is no one and
  /// continues no one; a paragraph without a label continues the speaker before.
  @Test func transcriptLabelsNameTheSpeaker() {
    let analysis = analyze(
      """
      Governor Peter Lind spoke to a radio host on Sunday.

      "HOLT: Will you sign the harbor bill?

      "LIND: Yes, I will sign it next week.

      "But the council must pass it first.

      "HOLT: And if it does not?

      "VIDEO: The harbor has been closed for a month.
      """)
    #expect(
      analysis.quoteSpeakers() == ["Holt", "Peter Lind", "Peter Lind", "Holt", nil])
  }
}
