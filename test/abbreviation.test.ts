import { describe, expect, it } from 'vitest';
import { spellsOut, writesOut } from '../src/search/abbreviation.ts';

describe('a name an abbreviation shortens', () => {
  it.each([
    ['Minecraft items use a format known as Named Binary Tag (NBT), which nests data.', 'nbt', true],
    ['The roadmap includes the deployment of an international stabilization force [ISF].', 'isf', true],
    ['The United Nations Relief and Works Agency (UNRWA) runs the schools.', 'unrwa', true],
    ['NBT, or Named Binary Tag, nests data.', 'nbt', true],
    // A word in capitals gives all its letters; a foreign name's linking words give none.
    ['The meeting follows the UN Security Council’s [UNSC] approval of the roadmap.', 'unsc', true],
    ['The movement was the FIS or Front Islamique de Salut.', 'fis', true],
    // Initials that meet by chance, away from the abbreviation or through a stopword, write nothing out.
    ['Israeli security forces entered the camp; the ISF was not yet deployed.', 'isf', false],
    ['The ISF arrived in September for the handover.', 'isf', false],
    ['The NBT format nests data.', 'nbt', false],
    ['Named Binary Tag data nests deeply.', 'nbt', false],
  ])('%s (%s)', (sentence, letters, written) => {
    expect(writesOut(sentence, letters)).toBe(written);
  });

  it('finds a capitalised name spelling an acronym anywhere in a story, linking words aside', () => {
    expect(spellsOut('Shares of Canadian Imperial Bank of Commerce rose.', 'cibc')).toBe(true);
    expect(spellsOut('shares of canadian imperial bank of commerce rose.', 'cibc')).toBe(false);
  });
});
