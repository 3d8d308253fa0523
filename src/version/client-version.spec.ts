import { compareVersions, parseClientVersion } from './client-version.js';

describe('client versions', () => {
  it.each([
    ['a.0.9-1', { platform: 'a', numbers: [0, 9], build: 1 }],
    ['1.2.3', { platform: '', numbers: [1, 2, 3], build: 0 }],
    ['IOS.2.0-15', { platform: 'ios', numbers: [2, 0], build: 15 }],
    ['7', { platform: '', numbers: [7], build: 0 }],
  ])('reads %s', (text, version) => {
    expect(parseClientVersion(text)).toStrictEqual(version);
  });

  it.each([
    '',
    'banana',
    '1..2',
    'a.',
    '1.2.3.4.5',
    '1.2-',
    '-1',
    'a.1.0-1 ',
    `1.${'0'.repeat(70)}`,
  ])('refuses %j', (text) => {
    expect(parseClientVersion(text)).toBeUndefined();
  });

  it.each([
    ['a.0.9-1', 'a.1.0-1', -1],
    ['a.1.0-1', 'a.1.0-1', 0],
    ['a.1.0-2', 'a.1.0-1', 1],
    ['a.1.10', 'a.1.9', 1],
    ['1.0', '1.0.0', 0],
    ['2', '1.99.99-99', 1],
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(parseClientVersion(a)!, parseClientVersion(b)!))).toBe(sign);
  });
});
