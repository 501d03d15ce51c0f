import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_LENGTH, opensWithPronoun, pointsBack, splitSentences, states } from '../src/search/sentences.ts';

/** Half of a pair of UTF-16 units without its other half: a character cut in two. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const sentencesOf = (paragraph: string) => splitSentences(paragraph).map((s) => paragraph.slice(s.start, s.end));

describe('the word before a full stop', () => {
  it('is read back to any kind of space, so a title after a no-break space still joins its name', () => {
    expect(sentencesOf('Troops answer to\u00a0Gen. Smith now. He left.')).toEqual(['Troops answer to\u00a0Gen. Smith now.', 'He left.']);
  });

  it('is no abbreviation when the stop stands alone', () => {
    expect(sentencesOf('Prices rose by 5 % . Then they fell.')).toEqual(['Prices rose by 5 % .', 'Then they fell.']);
  });
});

describe('abbreviations', () => {
  it('keep an aside in brackets after "p.m." in its sentence', () => {
    expect(sentencesOf('The ship lifted off at 8:51 p.m. (1451 GMT) from Baikonur. It broke up minutes later.')).toEqual([
      'The ship lifted off at 8:51 p.m. (1451 GMT) from Baikonur.',
      'It broke up minutes later.',
    ]);
  });
});

describe('long paragraphs and runs without a sentence end', () => {
  it('splits a paragraph of hundreds of kilobytes into the sentences it holds, each whole', () => {
    const sentences = Array.from({ length: 6000 }, (_, i) => `Gen. Ruiz met ${i % 7 === 0 ? 'Mr. Okafor' : 'the envoy'} in Istanbul on day ${i + 1}, officials said.`);
    // Given to the segmenter whole, a paragraph this long ran the process out of its heap.
    expect(sentencesOf(sentences.join(' '))).toEqual(sentences);
  });

  it.each([
    ['Japanese, which writes no capitals', Array.from({ length: 80 }, () => '東京で首脳会談が行われ、両国は経済協力の拡大で合意した。'), ''],
    ['English whose sentences open with a quotation', Array.from({ length: 45 }, (_, i) => ['“We will not leave Gaza City,” Ahmed Hassan Ali told Reuters.', '“The shelling went on all night,” Umm Mohammed Salem said.', '“Nobody came,” said Abu Khalil Nasser.'][i % 3] ?? ''), ' '],
  ])('splits a long paragraph of %s where the whole would split', (_, sentences, space) => {
    expect(sentencesOf(sentences.join(space))).toEqual(sentences);
  });

  it('cuts a run the segmenter leaves whole at its sentence marks first', () => {
    // No break before a sentence opening with a figure: the segmenter gives these as one.
    const run = Array.from({ length: 30 }, (_, i) => `${1200 + i} people were displaced in week ${i + 1}.`).join(' ');
    const pieces = sentencesOf(run);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.endsWith('.') && piece.length <= MAX_SENTENCE_LENGTH)).toBe(true);
  });

  it('cuts a run longer than a window where it would cut it given whole', () => {
    // Cut once at the window's end and again every 1,000 characters, the run left a 62-character piece between.
    const run = `${'a'.repeat(939)} ${'b'.repeat(100)} ${'word pad '.repeat(150).trim()}`;
    expect(sentencesOf(run).map((piece) => piece.length)).toEqual([939, 996, 453]);
  });

  it('cuts a run longer than a sentence at spaces, into pieces of the text as written', () => {
    const menu = Array.from({ length: 400 }, (_, i) => `Section ${i} |`).join(' ');
    const pieces = sentencesOf(menu);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.length <= MAX_SENTENCE_LENGTH && piece === piece.trim())).toBe(true);
    expect(pieces.join(' ')).toBe(menu);
  });

  it('cuts a run with no space at all between characters, never inside one', () => {
    // One letter first, so that a cut at an even length would fall inside a pair of UTF-16 units.
    const wall = `x${'\u{1F30A}'.repeat(1500)} The port reopened.`;
    const pieces = sentencesOf(wall);
    expect(pieces.at(-1)).toContain('The port reopened.');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('').replace(/\s/gu, '') === wall.replace(/\s/gu, '')).toBe(true);
    expect(pieces.filter((piece) => LONE_SURROGATE.test(piece))).toEqual([]);
  });
});

describe('numbered list items', () => {
  it('keep their number, and a sentence ending on a figure still ends there', () => {
    expect(sentencesOf('1. Finland')).toEqual(['1. Finland']);
    expect(sentencesOf('(10) United States')).toEqual(['(10) United States']);
    expect(sentencesOf('He scored 3. Then he left.')).toEqual(['He scored 3.', 'Then he left.']);
    // Past the paragraph's opening, a number a full stop ends belongs to its own sentence.
    expect(sentencesOf('He played the Bagatelles of Op. 126. Herr Riefling proved himself.')).toEqual(['He played the Bagatelles of Op. 126.', 'Herr Riefling proved himself.']);
    expect(sentencesOf('He played the Bagatelles of Sec. 126. Herr Riefling proved himself.')).toContain('Herr Riefling proved himself.');
    expect(sentencesOf('The council will: 1. Build 200 homes. 2. Repair the quay.')).toEqual(['The council will: 1. Build 200 homes.', '2. Repair the quay.']);
  });
});

describe('what a sentence can answer', () => {
  it.each([
    'Kenya trip',
    '‘Unprecedented’ strandings',
    'Analysis: Jon Sopel, BBC News, Washington',
    'Five things we learned from Obama interview',
    'Part Two: What happens next for gun licensing',
    'What was discussed?',
  ])('not a heading or a question: %s', (text) => {
    expect(states(text)).toBe(false);
  });

  it.each([
    'Mr Obama lands in Kenya later on Friday.',
    'Shr 25 cts vs 22 cts',
    'LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR',
    'Le gouvernement a démissionné après la tempête…',
    '北京周日遭遇特大暴雨，数千人被疏散。',
    '市政府宣布关闭所有学校',
    'Мэр Казани ушёл в отставку',
    'रेल सेवाएं रोक दी गईं',
    'He would speak "bluntly" against corruption and human rights violations in Kenya',
  ])('a statement, a figure line, a long unpunctuated line or a line in another script: %s', (text) => {
    expect(states(text)).toBe(true);
  });
});

describe('sentences leaning on the one before', () => {
  it.each([
    ['He warned that the truce would not hold.', true, true],
    ['“Their previous summit produced a truce.', true, true],
    ['The group denied the report.', true, false],
    ['It is widely believed that the treaty ended the war.', false, false],
    ['It’s time to act, the minister said.', false, false],
    ['Hamas denied the report.', false, false],
  ])('%s', (sentence, leans, pronoun) => {
    expect(pointsBack(sentence)).toBe(leans);
    expect(opensWithPronoun(sentence)).toBe(pronoun);
  });
});
