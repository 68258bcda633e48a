import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSheet, readSheet } from '../../../src/lessons/import/read-sheet';
import { UsageError } from '../../../src/usage-error';

describe('parseSheet', () => {
  it('drops a BOM, reads CRLF, keeps commas and new lines inside quotes, numbers rows as a spreadsheet does', () => {
    const sheet = parseSheet('x.csv', '\ufeffTitle,Lesson\r\nA,"one, two\r\nthree"\r\nB\r\n');
    expect(sheet).toEqual({
      header: ['Title', 'Lesson'],
      rows: [
        { number: 2, cells: ['A', 'one, two\nthree'] },
        { number: 3, cells: ['B'] },
      ],
    });
  });

  it('says in one line why a file is not CSV it can read', () => {
    expect(() => parseSheet('x.csv', 'title,lesson\n"never closed,r\n')).toThrow(UsageError);
    expect(() => parseSheet('x.csv', '')).toThrow(/x\.csv is empty/);
  });
});

describe('readSheet', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobilise-sheet-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a missing file, a binary file and text that is not UTF-8', () => {
    expect(() => readSheet(path.join(dir, 'nope.csv'))).toThrow(/nope\.csv does not exist\./);
    const xlsx = path.join(dir, 'book.xlsx');
    writeFileSync(xlsx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(() => readSheet(xlsx)).toThrow(/is not a CSV file/);
    const latin1 = path.join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('title,lesson\nCaf\xe9,r\n', 'latin1'));
    expect(() => readSheet(latin1)).toThrow(/is not UTF-8 text/);
  });
});
