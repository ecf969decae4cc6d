import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { qrPath } from '../../src/lib/qr';

/** Paints the path's lines back into a grid, to compare with the library's modules. */
function paint(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(\d+)(?: (\d+)(?:\.5)?)?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Number(b)];
    else if (cmd === 'm') x += Number(a);
    else for (let i = 0; i < Number(a); i++) grid[y]![x++] = true;
  }
  return grid;
}

describe('qrPath', () => {
  it('draws exactly the dark modules of the code', () => {
    const url = 'https://esim-guide.example/km/preparation/';
    const { size, d } = qrPath(url);
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    expect(size).toBe(qr.getModuleCount());
    const grid = paint(d, size);
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) expect(grid[r]![c], `${r},${c}`).toBe(qr.isDark(r, c));
  });

  it('stays small enough to inline in every page', () => {
    expect(qrPath('https://esim-guide.example/zh-hant/pitfalls/').d.length).toBeLessThan(4000);
  });
});
