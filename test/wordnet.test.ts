import { describe, expect, it } from 'vitest';
import { relatedWords } from '../src/search/wordnet.ts';

describe('WordNet relatives of a question word', () => {
  it('reads a short inflected word as its base form ("died" is "die")', () => {
    expect(relatedWords('died')).toContain('death');
  });

  it('does not strip an inflection down to a two-letter stem ("ties" is "tie", not "ti")', () => {
    expect(relatedWords('ties')).toContain('necktie');
  });

  it('knows nothing of a word WordNet lacks', () => {
    expect(relatedWords('witkoff')).toEqual([]);
  });
});
