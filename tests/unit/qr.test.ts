import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { qrPath } from '../../src/lib/qr';

/** Paints the path's rectangles back into a grid, to compare with the library's modules. */
function paint(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, col, row, width] of d.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
    for (let c = Number(col); c < Number(col) + Number(width); c++) grid[Number(row)]![c] = true;
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
