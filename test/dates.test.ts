import { describe, expect, it } from 'vitest';
import { byPublished, findDate, normalizeDate } from '../src/corpus/dates.ts';

describe('normalizeDate: every date shape pages print, as ISO 8601', () => {
  it.each([
    ['November 19, 2019, 07:47 PM EST', '2019-11-19T19:47-05:00'],
    ['Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)', '2019-11-19T03:05:46Z'],
    ['Tue, 19 Nov 2019 03:05:46 +0000', '2019-11-19T03:05:46Z'],
    ['2024-02-04T09:15:00+01:00', '2024-02-04T09:15:00+01:00'],
    ['2017-11-03 03:01:00.000000', '2017-11-03T03:01:00.000000'],
    ['19 Nov 2019', '2019-11-19'],
    ['19th November, 2019', '2019-11-19'],
    ['26-FEB-1987 15:01:01.79', '1987-02-26T15:01:01.79'],
    ['Nov. 19, 2019 7 p.m. ET', '2019-11-19T19:00-05:00'],
    ['Jan. 9, 2020 7 p.m. ET', '2020-01-09T19:00-05:00'],
    ['June 7, 2023, 4:54 PM EDT', '2023-06-07T16:54-04:00'],
    ['4 February 2024, 09:15 GMT', '2024-02-04T09:15Z'],
    ['30 avril 2015 à 07:19', '2015-04-30T07:19'],
    ['21.dez.2018 às 12h55', '2018-12-21T12:55'],
    ['1. November 2021', '2021-11-01'],
    ['21 de dezembro de 2018', '2018-12-21'],
  ])('%s → %s', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it('keeps the local time but no offset for a zone name with several meanings (CST: US Central or China)', () => {
    expect(normalizeDate('Jul 1, 2019 at 10:00 am CST')).toBe('2019-07-01T10:00');
  });

  it.each(['03/04/05', '03/04/2025', '2024-13-45', 'February 30, 2024', 'last Tuesday', 'Mars 2020 rover', '19 Nov 2019 and more'])(
    'refuses "%s": ambiguous, impossible or not only a date',
    (raw) => {
      expect(normalizeDate(raw)).toBeNull();
    },
  );
});

describe('findDate: the date inside a line', () => {
  it('reads a byline line', () => {
    expect(findDate('By Jo Roe | November 19, 2019, 07:47 PM EST | 3 comments')).toBe('2019-11-19T19:47-05:00');
  });

  it('reads the day of a line that puts the time first', () => {
    expect(findDate('Updated 7:47 PM ET, Tue November 19, 2019')).toBe('2019-11-19');
  });

  it('finds nothing in a line without an unambiguous date', () => {
    expect(findDate('Posted 11/03/17 in Gadgetry')).toBeNull();
  });
});

describe('putting publication dates in order', () => {
  const dates = ['2025-03-23T14:23', null, '2025-11-21', '2024-01-02'];
  it.each([
    ['newest', ['2025-11-21', '2025-03-23T14:23', '2024-01-02', null]],
    ['oldest', ['2024-01-02', '2025-03-23T14:23', '2025-11-21', null]],
  ] as const)('%s first, an undated article last', (order, expected) => {
    expect([...dates].sort((a, b) => byPublished(a, b, order))).toEqual(expected);
  });
});
