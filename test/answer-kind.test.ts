import { describe, expect, it } from 'vitest';
import { abbreviationAsked, answerKind, askedNoun, askedPersonNoun, askedPossession, asksClock, asksMoney, asksDay, asksDuration, countAsked, countedThing, mentionsClock, mentionsDay, mentionsTime, mentionsYear, namesKind, namesPersonAs, namesThingAs, numbersOwnedByOthers, typeWord, writesAmount, writesCount, writesDuration, writesMoney } from '../src/search/answer-kind.ts';
import { terms } from '../src/search/analyzer.ts';

describe('the kind of answer a question wants', () => {
  it.each([
    ['Who is Hakan Fidan?', 'role'],
    ['who is hakan fidan', 'role'],
    ['Who was Khalil al-Hayya?', 'role'],
    ['What is Hakan Fidan’s job?', 'role'],
    ["what is katz's job title", 'role'],
    ["hayya's role?", 'role'],
    ['Israel Katz’s job?', 'role'],
    // Of a place, a common noun or a post: a statement.
    ["israel's role?", null],
    ["the diplomat's job?", null],
    ["trump's post?", null],
    ["what's katz's job title", 'role'],
    ["What's Fidan's job?", 'role'],
    ['What position does Israel Katz hold?', 'role'],
    // Who holds a role, or who did something: a person.
    ['Who is the president of the IOC?', 'person'],
    ["Who is Trump's son-in-law?", 'person'],
    ['Who was killed in Doha?', 'person'],
    ['Who is Witkoff meeting in Istanbul?', 'person'],
    // A stance or a part played is a statement.
    ["What is Hamas's position on disarmament?", null],
    ["What is Hamas's position?", null],
    ['What role did Qatar play in the talks?', null],
    ["What is Turkey's role in the talks?", null],
    ["turkey's role in the talks?", null],
    // In Title Case, capitals mark no name.
    ['Who Was Arrested?', 'person'],
    ['Who Is Hakan Fidan?', 'role'],
    // A year is asked apart from any other time: only a year answers it.
    ['In what year did Tesla graduate?', 'year'],
    ['What year was the port founded?', 'year'],
    ['What month was the port founded?', 'time'],
    // A clause setting the scene is read past: its question word asks.
    ['When the harbour flooded, who led the rescue?', 'person'],
    ['When rich countries trade with poor countries, whose wages increase?', null],
    ['When a commission reached no decision, what happened?', null],
    ['When, according to the report, did the talks resume?', 'time'],
    // A name written more fully than the question writes it; the last name of someone unnamed is no name's fuller form.
    ["What is Erdogan's full name?", 'name'],
    ["what's Erdogans full name pls", 'name'],
    ['What is the first name of Fidan?', 'name'],
    ['What is the last name of the player who scored the touchdown?', null],
  ])('%s', (question, kind) => {
    expect(answerKind(question)).toBe(kind);
  });
});

describe('the word saying what sort of thing a question asks for', () => {
  it.each([
    ['What kind of state was Khwarezmia?', 'kind'],
    ['What is the name of the process which confirms primality?', 'name'],
    ["What's the name of the ship that sank?", 'name'],
    ['What type of Saturn was used for Apollo 8?', 'type'],
    ['What is one common example of a complexity measure?', 'example'],
    ['What is another word for cryptophytes?', 'word'],
    ['What is the term for teaching within the family?', 'term'],
    // Elsewhere the word is the topic or a verb: blood types, a name withheld, examples given.
    ['Which blood type is rarest?', null],
    ['Which name did the ministry withhold?', null],
    ['What did Madrid name the stadium?', null],
    ['Which manager did Madrid name for the role?', null],
    ['Which countries gave examples of reform?', null],
    ['What happened in the name of security?', null],
  ])('%s', (question, word) => {
    expect(typeWord(question)).toBe(word);
  });
});

describe('a question asking what an abbreviation stands for', () => {
  it.each([
    ['what does ISF stand for', 'isf'],
    ['What does UNSC stand for? 🤔', 'unsc'],
    ['What does the acronym LEM stand for?', 'lem'],
    ['What is the AFC short for?', 'afc'],
    ['What does "TGIF" stand for?', 'tgif'],
    ['what does vBNS stand for', 'vbns'],
    ['what does isf stand for', 'isf'],
    ['What does U.N. stand for?', 'un'],
    ['whats UNSC stand for', 'unsc'],
    ['ISF stands for what', 'isf'],
    ['the acronym ISF is short for what?', 'isf'],
    // Not an abbreviation asked: what someone will not tolerate, a long name, a stance.
    ['What will Barclay not stand for?', null],
    ['What does Turkiye stand for?', null],
    ['Does Turkiye stand for the people of Gaza?', null],
    ['What does ISF stand for in the plan?', null],
    ['Turkiye stands for what in Gaza?', null],
  ])('%s', (question, letters) => {
    expect(abbreviationAsked(question)).toBe(letters);
  });
});

describe('a sentence writing an amount', () => {
  it.each([
    ['Tourism accounted for 15 percent of the economy.', true],
    ['Growth needs to reach three pct a year.', true],
    // A vague count or an ordinal gives no amount, nor a year.
    ['The web could be dominated by a few companies.', false],
    ['Millions of dollars were spent on the second phase.', false],
    ['The plan was drawn up in 2015.', false],
  ])('%s', (sentence, written) => {
    expect(writesAmount(sentence)).toBe(written);
  });
});

describe('a question asking a sum', () => {
  it.each([
    ['How much did Facebook pay to buy WhatsApp?', 'amount'],
    ["How much does Microsoft's Xbox One X cost?", 'amount'],
    ['How much money did the campaign raise?', 'amount'],
    // A price by a word WordNet files elsewhere first, and what something is worth.
    ['How much will Nintendo charge for the full game?', 'amount'],
    ["What was Lupita Nyong'o's stolen Oscar dress worth?", 'amount'],
    ['How much is the company worth?', 'amount'],
    ['At what altitude did the supply ship break up?', 'amount'],
    ['What was the population of Gaza City before the war?', 'amount'],
    ['What minimum fare did Uber charge to leave the siege area?', 'amount'],
    ['What population group performs civil disobedience?', null],
    ['What fee structure did the bank propose?', null],
    // A measure asked otherwise may be answered in words.
    ['What is the diameter of the pipeline?', null],
    ['What was the speed of the emergency response praised by?', null],
    // A degree, which words answer; a charge booked, a worth asked of someone.
    ['How much did the charge hurt Labour?', null],
    ['What is it worth to you?', null],
    ['How much of a setback was the vote?', null],
    ['How much did the vote hurt Labour?', null],
    ['How much support does the plan have?', null],
  ])('%s', (question, asked) => {
    expect(countAsked(question)).toBe(asked);
  });
});

describe('the thing a "how many" question counts', () => {
  it.each([
    ['How many pearls were on the gown?', 'pearls'],
    ['How many Purolator Courier shares were tendered?', 'shares'],
    ['How many of the diet tablets had she swallowed?', 'tablets'],
    ['how many times have Witkoff and Hayya met', 'times'],
    ['How many people died in the ferry disaster?', 'people'],
    ['How many striking miners returned to work?', 'miners'],
    ['How many Israeli hostages remain in Gaza?', 'hostages'],
    ['How many people live in Gaza City?', 'people'],
    ['How many “hostages” remain?', 'hostages'],
    ['How much did the gown cost?', null],
    ['How many?', null],
  ])('%s', (question, counted) => {
    expect(countedThing(question)).toBe(counted);
  });
});

describe('a sentence writing a count', () => {
  it.each([
    ['Lebanon confirmed 13 dead.', true],
    ['Her gown was sewn with six thousand pearls.', true],
    ['About 2,400 people live in Ashby.', true],
    ['Tensions rose in the camp.', false],
    ['The force will deploy in 2026.', false],
    ['Many people fled the town.', false],
    // An ordinal counts events, or the thing counted right after it.
    ['The air strikes were only the first step.', false],
    ['Hamas stressed the obstruction of the second-phase talks.', false],
  ])('%s', (sentence, counts) => {
    expect(writesCount(sentence, 'people')).toBe(counts);
  });

  it('counts by an ordinal the events of "how many times", and the thing counted right after it', () => {
    expect(writesCount("This week's meeting marks Witkoff's second encounter with Hayya.", 'times')).toBe(true);
    expect(writesCount('The Panthers became the seventh team to win every game.', 'teams')).toBe(true);
    expect(writesCount('It was the seventh season of the league.', 'teams')).toBe(false);
    expect(writesCount('The launch marked the third straight success for the space program.', 'successes')).toBe(true);
    // "First" says which, not how many, but for "how many times".
    expect(writesCount('The ceasefire was the first phase of the broader Gaza deal.', 'phases')).toBe(false);
    expect(writesCount('The ceasefire was the second phase of the broader Gaza deal.', 'phases')).toBe(false);
    expect(writesCount("It was Novak's fifth title at the Open.", 'titles')).toBe(true);
    expect(writesCount('They met for the first time in October.', 'times')).toBe(true);
  });

  it('reads neither a day of the month nor an age as a count, but an age as the age asked', () => {
    const sons = 'Witkoff’s son Andrew died at age 22, while Hayya’s son was killed in a strike on Doha on September 9.';
    expect(writesCount(sons, 'people')).toBe(false);
    expect(writesCount('A 57-year-old man was killed on Nov. 21.', 'people')).toBe(false);
    expect(writesCount(sons, null, 'age')).toBe(true);
    expect(writesCount('A 57-year-old man was killed.', null, 'age')).toBe(true);
    expect(writesCount('The strike on September 9 killed six people.', 'people')).toBe(true);
    expect(writesCount('An airstrike hit a residential building in Khan Younis on 9 September.', 'people')).toBe(false);
    expect(writesCount('Fidan, 57, met the Hamas delegation in Ankara.', 'people')).toBe(false);
    expect(writesCount('Fidan, 57, met the Hamas delegation in Ankara.', null, 'age')).toBe(true);
    // No month has a 40th day; a day may be written as an ordinal.
    expect(writesCount('Since January 40 journalists have been killed in Gaza.', 'journalists')).toBe(true);
    expect(writesCount('An airstrike hit a building in Khan Younis on September 9th.', 'people')).toBe(false);
    // Numbers set off after places, or too large for an age, are counts.
    expect(writesCount('Officials reported measles cases in Paris, 3, Lyon, 5, and Marseille, 2, on Monday.', 'cases')).toBe(true);
    expect(writesCount('The count gave Smith, 1,204, Jones, 987, and Brown, 310.', 'votes')).toBe(true);
  });
});

describe('the noun of persons a "which" question asks to name', () => {
  it.each([
    ['Which U.S. Treasury official told the conference that a deal was close?', 'official'],
    ['Which former Rocky Mount Undergarment president joined the group?', 'president'],
    ["Which German bank's board member said the crisis needs the IMF?", 'member'],
    ['What German poet was descended from Huguenots?', 'poet'],
    ['which church minister mediated the talks', 'minister'],
    // No noun of persons, or past a stopword: the question asks for something else.
    ['Which team beat the Orioles in Miami?', null],
    ['What did the president say about the deal?', null],
    ['Which of the ministers resigned?', null],
    ['Who is the Treasury official?', null],
    // An adjective before a noun qualifies it: no official is asked for.
    ['What official statement did Hamas issue?', null],
    ['Which chief executive resigned?', 'executive'],
  ])('%s', (question, noun) => {
    expect(askedPersonNoun(question)).toBe(noun);
  });
});

describe('naming someone as the noun asked about', () => {
  const isMinister = (token: string) => terms(token, 'query').includes('minist');
  const asked = new Set(terms('Which church minister mediated the Durban dock strike talks?', 'query'));
  it.each([
    ['The minister, Thabo Ndlovu, had met both sides every day.', true],
    ['Church minister Thabo Ndlovu met both sides.', true],
    ['Thabo Ndlovu, a Methodist minister from Soweto, met both sides.', true],
    ['Thabo Ndlovu, a minister asked to mediate, met both sides.', true],
    // The noun with no one named by it restates the question; a name the question writes is not the answer.
    ['Talks mediated by a church minister ended the Durban dock strike.', false],
    ['As minister, Ndlovu met both sides.', false],
    ['The minister met Durban dock workers.', false],
  ])('%s', (text, named) => {
    expect(namesPersonAs(text, isMinister, asked)).toBe(named);
  });
});

describe('the noun a "which" question asks to name', () => {
  it.each([
    ['which refugee camp got hit', { written: 'camp', person: false }],
    ['Which Glaxo drug was threatened by the report?', { written: 'drug', person: false }],
    ['Which U.S. Treasury official told the conference?', { written: 'official', person: true }],
    // A noun of persons qualifying another noun asks for what that one names.
    ['Which refugee children were moved?', { written: 'children', person: true }],
    // A kind the tagger names has its own check, and a verb after the noun is no noun of persons ("hosted").
    ['Which bank is lead manager of the issue?', null],
    ['Which city hosted the talks?', null],
    ['What did the president say about the deal?', null],
  ])('%s', (question, noun) => {
    expect(askedNoun(question)).toEqual(noun);
  });
});

describe('naming something as the noun asked about', () => {
  const isCamp = (token: string) => terms(token, 'query').includes('camp');
  const asked = new Set(terms('Which refugee camp was hit?', 'query'));
  it.each([
    ['A strike hit three buildings on the outskirts of Ain el-Hilweh refugee camp.', true],
    ['The strike hit the camp, Shatila, on Monday.', true],
    ['Troops entered the camp Shatila on Monday.', true],
    // Camps in the plural, a nationality or no name at all name no one camp.
    ['Syria halted battles at two Beirut refugee camps.', false],
    ['Hamas denied having bases in Palestinian refugee camps.', false],
    ['The refugee camp was hit on Monday.', false],
    // A month, a place or a capitalised common word before the noun says when, where or whose.
    ['The strike hit the August refugee camp fair.', false],
    ['March refugee camp elections were held.', false],
    ['Local camp staff said the strike hit at dawn.', false],
    ['Troops entered the Beirut camp at dawn.', false],
  ])('%s', (text, named) => {
    expect(namesThingAs(text, 'camp', isCamp, asked)).toBe(named);
  });
});

describe('a sentence naming the kind asked for', () => {
  const names = (sentence: string, kind: Parameters<typeof namesKind>[1], question = '') => namesKind({ text: sentence }, kind, new Set(terms(question, 'query')));

  it.each([
    ['The important 13th-century glass beaker is displayed here.', true],
    ['Some of the oldest schools were established in the early nineteenth century.', true],
    ['At 1 a.m. he awoke with more chest pain.', true],
    ['Julius Caesar crossed the Rhine in 55 BC.', true],
    ['Jacksonville became a winter resort in the Gilded Age.', true],
    ['Large empires thrived during the pre-Columbian era.', true],
    ['The vase dates from the Ming Dynasty.', true],
    ['He died at age 22.', false],
    // A month the lexicon reads as a noun or a verb, by the day beside it or the preposition before it; not a name.
    ['On March 18, Israel renewed its aggression on the Gaza Strip.', true],
    ['The banks agreed on 31 May to extend the lines.', true],
    ['The talks have stalled since March.', true],
    ['Theresa May said the talks had stalled.', false],
    ['March organisers said the talks had stalled.', false],
    // A unit of the calendar relative to the report's day, as news dates what it tells.
    ['Last week, President Recep Tayyip Erdogan said Turkiye will intensify its diplomatic efforts.', true],
    ['The envoys will meet again next month.', true],
    ['The envoy spoke at length.', false],
    // A number that is no century's, as a shifted copy of a text writes it.
    ['One of the oldest pieces is the 91th-century sculpture.', false],
    ['The museum owns the largest collection of sculpture.', false],
  ])('a time: %s', (sentence, named) => {
    expect(names(sentence, 'time')).toBe(named);
  });

  it.each([
    ['Last week, President Recep Tayyip Erdogan said Turkiye will intensify its efforts.', 'Erdogan', true],
    ['Hakan Fidan has met with Khalil al-Hayya, the chief member of the bureau.', 'Hayya', true],
    ['Andrew Witkoff died at age 22.', 'Andrew', true],
    // A title or a word of the question is no part of the name.
    ['President Erdogan said Turkiye will intensify its efforts.', 'Erdogan', false],
    ['Mr Erdogan said so.', 'Erdogan', false],
    ['Erdogan said Turkiye will intensify its efforts.', 'Erdogan', false],
    ["Witkoff's son Andrew died at age 22.", 'Andrew', false],
  ])('a fuller name: %s', (sentence, question, named) => {
    expect(names(sentence, 'name', question)).toBe(named);
  });

  it.each([
    ['On 17 April 1879, Milutin Tesla died at the age of 60.', true],
    // A year relative to the report's date is a time, but names no year.
    ['The company was founded last year.', false],
    ['The cabinet approved the budget for fiscal 1987/88.', true],
    ["This year's budget passed.", false],
    // A century or a day is a time, but no year.
    ['The section covers late 19th-century sculpture.', false],
    ['Himam al-Hayya was killed in a strike on September 9.', false],
  ])('a year: %s', (sentence, named) => {
    expect(names(sentence, 'year')).toBe(named);
  });

  it.each([
    ['Askar has released proof-of-concept attack code.', true],
    ["Witkoff's son died at age 22.", true],
    ['Hamas rejected the clause.', true],
    // A common word opening the sentence, an irregular plural's too, names nobody.
    ['Officials said the code was released.', false],
    ['Children fled the fighting.', false],
    ['Gunmen stormed the museum.', false],
    ['Everyone fled the museum.', false],
  ])('a person opening the sentence: %s', (sentence, named) => {
    expect(names(sentence, 'person', 'Who released the code?')).toBe(named);
  });

  it('reads neither a title nor the capitalised first word of a quotation as a name', () => {
    const question = "Who spotted Ellen Fetter's name in Lorenz's paper?";
    expect(names('Lorenz thanked Miss Ellen Fetter for the computations.', 'person', question)).toBe(false);
    expect(names('Lorenz had written, “Special thanks are due to Ellen Fetter.”', 'person', question)).toBe(false);
    expect(names('Lorenz had written, “Rothman saw it first.”', 'person', question)).toBe(true);
  });

  it('reads a people\'s name before a noun as qualifying it, and alone as naming them', () => {
    expect(names('The agenda covers a pullout of "Israeli" forces from Gaza.', 'person', 'Who would lead Gaza?')).toBe(false);
    expect(names('He adopted siege warfare from the Chinese.', 'person', 'From whom did Genghis Khan learn siege warfare?')).toBe(true);
  });
});

describe('a sentence placing anything in time', () => {
  it.each([
    ['Discussions also included the destruction of the Friendship Hospital.', false],
    ['The museum owns the largest collection of sculpture.', false],
    ['The hospital was destroyed on Tuesday.', true],
    ['The essay was not published until after the war.', true],
    ['Photorespiration can occur when the oxygen concentration is too high.', true],
    ['The talks resumed three weeks later.', true],
    // Said relative to now or to another event, found missing by a hostile probe.
    ['The company will begin marketing the test immediately.', true],
    ['It will issue a press release shortly.', true],
    ['Officials were subpoenaed following the settlement.', true],
    ['Shareholders approved the change at the annual meeting.', true],
    ['Completion was deferred pending a ruling.', true],
    ['The talks resumed in May.', true],
    ['Hamas swiftly condemned the vote.', true],
    ['No date has been set for the hearings.', true],
    // "may" and "march" are words of their own, and a transition period no time.
    ['Discussions may also include the destruction of the hospital.', false],
    ['Protesters march through the city to the transition period office.', false],
  ])('%s', (sentence, placed) => {
    expect(mentionsTime(sentence)).toBe(placed);
  });
});

describe('a question asking a time of day, and a sentence giving one', () => {
  it('reads "what time is/will..." as asking a time of day, "what time did..." (often a period) not', () => {
    expect(asksClock('what time is the istanbul meeting')).toBe(true);
    expect(asksClock("What time's the vote?")).toBe(true);
    expect(asksClock('What time period is the Miocene?')).toBe(false);
    expect(asksClock('What time did a river system develop in the Upper Rhine Graben?')).toBe(false);
    expect(asksClock('When is the meeting?')).toBe(false);
  });

  it.each([
    ['The vote is set for 3 pm.', true],
    ['Talks resume at 14:30 in Geneva.', true],
    ['The market closed at 1600 GMT.', true],
    ['They meet on Wednesday morning.', true],
    ['The office opens at 0600 and closes at sunset.', true],
    ['The truce takes effect on Sunday at 8.30 local time.', true],
    ['The meeting starts at 10 local time.', true],
    // A duration is no time of day, nor a count of time zones.
    ['The crossing takes 1h30 and the first boat departs Monday.', false],
    ['The exercise spans 11 local time zones.', false],
    ['They meet on Wednesday.', false],
    ['About 13 people were killed in 2025.', false],
    // A figure with a decimal point is no time without its clock words.
    ['Output grew by 2.50 pct, and the index stood at 8.30 points.', false],
    ['He met 10 local officials.', false],
  ])('%s', (sentence, given) => {
    expect(mentionsClock(sentence)).toBe(given);
  });
});

describe('a question asking how long, and a sentence giving a span', () => {
  it('reads "how long" as asking a span', () => {
    expect(asksDuration('How long did the meeting last?')).toBe(true);
    expect(asksDuration('How did the meeting end?')).toBe(false);
    // "How long ago" asks when.
    expect(asksDuration('How long ago did Israel renew its aggression?')).toBe(false);
  });

  it.each([
    ['The meeting lasted three hours.', true],
    ['It was a 12-day war.', true],
    ['The Nile runs 6,650 km.', true],
    ['The main quay is 1,200 m long.', true],
    ['NP Energy has been in two-year-old bankruptcy proceedings.', true],
    ['The rights will trade from March 23 to April 22.', true],
    ['The strike began on March 3 and ended on April 10.', true],
    ['Strikes lasted for weeks.', true],
    ['The war lasted from 1939 to 1945.', true],
    ['He was not heard of until after the end of the war.', true],
    // A time named is no span, nor a figure alone.
    ['Last week, Erdogan spoke.', false],
    ['Every year the board meets.', false],
    ['Andrew died at age 22.', false],
    ['A jury found 21-year-old Richard Pohl guilty.', false],
    ['The second-phase talks stalled.', false],
  ])('%s', (sentence, given) => {
    expect(writesDuration(sentence)).toBe(given);
  });
});

describe('a question asking a date, and a sentence naming a day', () => {
  it('reads "what date" and "which day" as asking a day, "when" not', () => {
    expect(asksDay('What date did the security council vote?')).toBe(true);
    expect(asksDay('On which day did Fidan meet Hayya?')).toBe(true);
    expect(asksDay('When did the security council vote?')).toBe(false);
  });

  it.each([
    ['Fidan met Hayya on Saturday.', true],
    ['The council voted on November 17.', true],
    ['The vote came yesterday.', true],
    ['Both sides raised their bids over the weekend.', true],
    ['Strikes are planned for May Day.', true],
    ['The bill passed on the 19th.', true],
    ['Hamas swiftly condemned the vote.', false],
    ['The vote came after months of talks.', false],
    // Figures that are no date.
    ['Kushner told 60 Minutes that 13 people were killed.', false],
    ['The fund grew 1.5 million dlrs, a 3-2 vote decided.', false],
    ['The filing is dated 2025-11-21 and 11/21.', true],
  ])('%s', (sentence, named) => {
    expect(mentionsDay(sentence)).toBe(named);
  });
});

describe('a sentence placing anything in a year', () => {
  it.each([
    ['The plant opened in 1987.', true],
    ['The company was founded last year.', true],
    ['Witkoff’s son Andrew died at age 22 from an opioid overdose.', false],
    ['Output rose 2,400 tonnes.', false],
    ['Sterling settled at 1.6050 dlrs at about 1300 GMT.', false],
    ['About 2000 people marched, and shares fetched $1200 each by 1600 ET.', false],
    ['Output rose 1500 tonnes in 1986.', true],
    // A month is no year, even where the report's date would give one: it may date another event of the sentence.
    ['The talks resumed on March 18.', false],
  ])('%s', (sentence, placed) => {
    expect(mentionsYear(sentence)).toBe(placed);
  });
});

describe('a number belonging to another owner of the thing asked', () => {
  const sons = 'Witkoff’s son Andrew died at age 22 from an opioid overdose, while Hayya’s son, Himam al-Hayya, was killed on September 9.';
  it('reads the possession a question asks about', () => {
    expect(askedPossession("How old was Hayya's son?")).toEqual({ owner: 'hayya', thing: 'son' });
    expect(askedPossession('How old was the envoy?')).toBeNull();
  });

  it("gives Witkoff's son's age, not Hayya's son's, and judges nothing where no other owner is named", () => {
    expect(numbersOwnedByOthers(sons, { owner: 'hayya', thing: 'son' })).toBe(true);
    expect(numbersOwnedByOthers(sons, { owner: 'witkoff', thing: 'son' })).toBe(false);
    expect(numbersOwnedByOthers('Hayya’s son was 24 when he was killed.', { owner: 'hayya', thing: 'son' })).toBe(false);
    expect(numbersOwnedByOthers('Aged 22, Witkoff’s son died in 2011.', { owner: 'hayya', thing: 'son' })).toBe(false);
    // After the asked owner's, a number may be shared or follow an aside naming another.
    expect(numbersOwnedByOthers('Brenner’s daughter and Kovac’s daughter were both 19.', { owner: 'brenner', thing: 'daughter' })).toBe(false);
    expect(numbersOwnedByOthers("Ortiz's husband, who is older than Reyes's husband, is 67.", { owner: 'ortiz', thing: 'husband' })).toBe(false);
    expect(numbersOwnedByOthers("Messi's team beat Ronaldo's team by 3 goals to 1.", { owner: 'messi', thing: 'team' })).toBe(false);
  });
});

describe('questions asking a sum of money', () => {
  it.each(['How much did Facebook pay to buy WhatsApp?', 'What is the dress worth?', 'What was the cost of the other events?', 'How much money did the committee raise?', 'What is the ticket price?'])('asks one: %s', (question) => {
    expect(asksMoney(question)).toBe(true);
  });

  it.each(['How much sugar did the Soviet Union buy?', 'How much did Boeing shares fall this week?', 'How much of the city was destroyed?', 'How many people died?', 'What did the firm say about costs?'])('asks none: %s', (question) => {
    expect(asksMoney(question)).toBe(false);
  });

  it.each([
    ['his company’s $19 billion acquisition of WhatsApp', true],
    ['a 1.8 billion dlrs loan', true],
    ['The dress, worth £150K, was stolen.', true],
    ['Coins will be sold at 500 francs each.', true],
    ['The coins cost 500 Belgian francs.', true],
    ['It paid 10 U.S. dollars a share.', true],
    ['Zuckerberg knows a thing or two about deals.', false],
    ['Exports rose 25 percent.', false],
    ['It weighs 5,560 kg.', false],
    ['Reliance Industries paid Rs 5,000 crore for the stake.', true],
    ['The deal, worth 3 billion won, closed on Friday.', true],
    ['The stake purchase, first reported in 2019, marks the biggest deal.', false],
    ['The park opened in 1998, Euro Disney said.', false],
    ['Police seized 400 pounds of cocaine.', false],
    ['He lives at 10 Mark Street.', false],
  ] as const)('%s writes money: %s', (sentence, money) => {
    expect(writesMoney(sentence)).toBe(money);
  });
});
