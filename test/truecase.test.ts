import { describe, expect, it } from 'vitest';
import { truecased } from '../src/search/truecase.ts';

describe('names in a question typed in lowercase', () => {
  it.each([
    // Names WordNet knows only as names, as it writes them; places; names no dictionary lists.
    ['did iran send a delegation to the istanbul talks?', 'did Iran send a delegation to the Istanbul talks?'],
    // Acronyms in capitals; a company's suffix as a reader writes it, not as WordNet's abbreviation ("INC"), and the name running to it.
    ['what did the idf strike in lebanon', 'what did the IDF strike in Lebanon'],
    ['did opec resume talks', 'did OPEC resume talks'],
    ['what did rhodes inc declare', 'what did Rhodes Inc declare'],
    ['what did jefferies group inc say', 'what did Jefferies Group Inc say'],
    // A pronoun is no name, whatever WordNet abbreviates, unless no object can stand there.
    ['tell us what hamas said', 'tell us what Hamas said'],
    ['what did the us promise hamas', 'what did the US promise Hamas'],
    // A compound WordNet knows whole stays as typed.
    ['did the co-op back the re-election', 'did the co-op back the re-election'],
    ['what did turkey say about gaza', 'what did Turkey say about Gaza'],
    ['who is hakan fidan', 'who is Hakan Fidan'],
    ["did netanyahu's government renew the aggression", "did Netanyahu's government renew the aggression"],
    // Particles stay in lowercase; an inflected name keeps its ending.
    ['who did khalil al-hayya meet', 'who did Khalil al-Hayya meet'],
    ['did israelis protest', 'did Israelis protest'],
    // A first name before a surname, unless it is also a verb.
    ['who is benjamin netanyahu', 'who is Benjamin Netanyahu'],
    ['how many moons does jupiter have', 'how many moons does Jupiter have'],
    ['who is satish kumar', 'who is Satish Kumar'],
    ['when did arduino llc sue arduino srl', 'when did Arduino Llc sue Arduino Srl'],
    // A phone capitalises the first letter: the rest is still typed in lowercase.
    ['Did iran send a delegation?', 'Did Iran send a delegation?'],
    // A surname after a first name, though it is a common word too, or one no dictionary lists after a name; a name ends at its surname, or at a possessive.
    ['what did margaret thatcher say about the election', 'what did Margaret Thatcher say about the election'],
    ['what did james baker say', 'what did James Baker say'],
    ['how old is boone pickens', 'how old is Boone Pickens'],
    ['to which company will eli lilly pay royalties', 'to which company will Eli Lilly pay royalties'],
    ["does the portuguese government's eight-year plan create jobs", "does the Portuguese government's eight-year plan create jobs"],
    // Abbreviations in capitals say nothing of the other names.
    ['What did carl icahn offer TWA?', 'What did Carl Icahn offer TWA?'],
  ])('%s', (typed, read) => {
    expect(truecased(typed)).toBe(read);
  });

  it.each([
    // Common words, their irregular forms, contractions, ordinals and words read as another part of speech by their ending.
    'how many children died in the deadliest strike',
    "why didn't the talks take place on the 19th",
    'who led the rebranded company',
    'did the trump card win',
    // A word the lexicon knows as uncountable, though no dictionary lists it.
    'what did the university announce to everyone in 2008',
    'did anything change after everybody left',
  ])('leaves common words alone: %s', (typed) => {
    expect(truecased(typed)).toBe(typed);
  });

  it('keeps the length typed, capitalises a hyphenated name WordNet knows part by part, and reads accents typed apart', () => {
    // "İ" in lowercase and "ß" in capitals are longer: such a letter keeps its case, so the question is no longer than typed.
    expect(truecased('DID THE İZMİR OFFİCİALS MEET HAMAS')).toHaveLength('DID THE İZMİR OFFİCİALS MEET HAMAS'.length);
    expect(truecased('did guinea-bissau send troops to gaza')).toBe('did Guinea-Bissau send troops to Gaza');
    expect(truecased('what did al-qaeda say')).toBe('what did al-Qaeda say');
    expect(truecased('who is mu\u0308ller')).toBe('who is Mu\u0308ller');
    expect(truecased('how many of us were told')).toBe('how many of us were told');
  });

  it('leaves a question the reader wrote with capitals as written', () => {
    expect(truecased('did Iran send a delegation to the istanbul talks?')).toBe('did Iran send a delegation to the istanbul talks?');
  });

  it('reads a question shouted in capitals, or Typed In Title Case, as one typed in lowercase, acronyms of Title Case aside', () => {
    expect(truecased('DID IRAN SEND A DELEGATION TO THE ISTANBUL TALKS?')).toBe('Did Iran send a delegation to the Istanbul talks?');
    expect(truecased('Did Iran Send A Delegation To The Istanbul Talks?')).toBe('Did Iran send a delegation to the Istanbul talks?');
    expect(truecased('What Did The UN Say About Hamas?')).toBe('What did the UN say about Hamas?');
  });
});
