import { describe, expect, it } from 'vitest';
import { isCommunicationVerb, relatedWords } from '../src/search/wordnet.ts';

const near = (word: string) => relatedWords(word).filter((r) => r.near).map((r) => r.word);
const far = (word: string) => relatedWords(word).filter((r) => !r.near).map((r) => r.word);
const derived = (word: string) => relatedWords(word).filter((r) => r.derived).map((r) => r.word);

describe('WordNet relatives of a question word', () => {
  it('reads a short inflected word as its base form ("died" is "die")', () => {
    expect(near('died')).toContain('death');
    expect(near('died')).toEqual(near('die'));
  });

  it('reads a past tense in "-ied" as its verb ("denied" is "deny")', () => {
    expect(near('denied')).toEqual(near('deny'));
    expect(isCommunicationVerb('denied')).toBe(true);
  });

  it('does not strip an inflection down to a two-letter stem ("ties" is "tie", not "ti")', () => {
    expect(near('ties')).toEqual(near('tie'));
  });

  it('relates an adverb to the adjective it pertains to', () => {
    expect(near('previously')).toContain('previous');
  });

  it('relates an adverb to the adverbs its definition names, and to their adjectives ("before": "earlier in time; previously")', () => {
    expect(near('before')).toEqual(expect.arrayContaining(['earlier', 'previously', 'previous']));
  });

  it('reaches the kinds of a noun derived from a verb, as far relatives only', () => {
    expect(far('meet')).toEqual(expect.arrayContaining(['summit', 'conference']));
    expect(near('meet')).not.toContain('summit');
  });

  it('reaches the kinds of a noun ("the dead" are people)', () => {
    expect(far('people')).toContain('dead');
  });

  it('finds the words on the last lines of the sorted index files', () => {
    expect(near('zymotic')).toContain('zymosis');
    expect(near('zigzag')).toContain('zig');
  });

  it('knows nothing of a word WordNet lacks', () => {
    expect(relatedWords('witkoff')).toEqual([]);
  });

  it("marks the word's own derivations, not its synonyms' (\"destruction\" of \"destroy\", not \"ruination\" of \"ruin\")", () => {
    expect(derived('destroyed')).toContain('destruction');
    expect(near('destroyed')).toContain('ruination');
    expect(derived('destroyed')).not.toContain('ruination');
    expect(derived('invade')).toContain('invasion');
    expect(derived('invade')).not.toContain('occupation');
  });

  it('takes the adjective an adverb is made from, and an adverb its definition names, as the word itself ("before": "previously" → "previous")', () => {
    expect(derived('previously')).toContain('previous');
    expect(derived('before')).toContain('previous');
    expect(derived('before')).not.toContain('ahead');
    expect(derived('quickly')).toContain('quick');
    expect(derived('quickly')).not.toContain('rapid');
    // Only the commonest sense's definition: "well" is also "fully" and "mostly" also "usually", in senses seldom meant.
    expect(derived('well')).not.toContain('full');
    expect(derived('mostly')).not.toContain('usual');
  });
});
