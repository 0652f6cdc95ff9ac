import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.ts';

/** A strict RFC 4180 reader of one record (what a spreadsheet does with a line). */
function readRecord(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else {
          cell += line[i++];
        }
      }
    } else {
      while (i < line.length && line[i] !== ',' && line[i] !== '\r') cell += line[i++];
    }
    cells.push(cell);
    if (line[i] === ',') i++;
    else break;
  }
  expect(line.slice(i)).toBe('\r\n');
  return cells;
}

describe('csvCell', () => {
  it('writes numbers and empty cells as they are', () => {
    expect(csvCell(100000)).toBe('100000');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('TXN-2024-000001')).toBe('TXN-2024-000001');
  });

  it('quotes separators, quotes, line breaks and edge spaces', () => {
    expect(csvCell('Doe, John')).toBe('"Doe, John"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('never lets a text cell start a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+62811')).toBe("'+62811");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\r\n=1')).toBe(`"'\r\n=1"`);
  });
});

describe('csvLine', () => {
  it('reads back as the cells written (guarded formulas keep their text after the apostrophe)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 6 }), (cells) => {
        const read = readRecord(csvLine(cells));
        expect(read).toEqual(
          cells.map((c) => (typeof c === 'number' ? String(c) : /^[=+\-@\t\r]/.test(c) ? `'${c}` : c)),
        );
        for (const cell of read)
          if (cell !== '' && !/^-?\d+$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@]/);
      }),
    );
  });
});
