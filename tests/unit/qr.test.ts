import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { qrPng } from '../../src/lib/build/qr';

/** Reads a 1-bit greyscale PNG (as qrPng writes it) back into rows of dark (true) and light pixels. */
function readPng(bytes: Uint8Array): { width: number; height: number; dark: boolean[][] } {
  const png = Buffer.from(bytes);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8, 13)], 'bit depth 1, greyscale').toEqual([1, 0, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = Math.ceil(width / 8) + 1;
  const dark = Array.from({ length: height }, (_, y) => {
    expect(raw[y * stride], 'filter type').toBe(0);
    return Array.from({ length: width }, (_, x) => (raw[y * stride + 1 + (x >> 3)]! & (0x80 >> (x & 7))) === 0);
  });
  return { width, height, dark };
}

describe('qrPng', () => {
  it('draws exactly the dark modules of the code, inside a light quiet zone', () => {
    const url = 'https://esim-guide.example/km/preparation/';
    const { size, width, png } = qrPng(url);
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    expect(size).toBe(qr.getModuleCount());
    const image = readPng(png);
    expect([image.width, image.height]).toEqual([width, width]);
    expect(width).toBe(size + 4);
    for (let y = 0; y < width; y++) {
      for (let x = 0; x < width; x++) {
        const inside = y >= 2 && x >= 2 && y < size + 2 && x < size + 2;
        expect(image.dark[y]![x], `${y},${x}`).toBe(inside && qr.isDark(y - 2, x - 2));
      }
    }
  });

  it('stays a few hundred bytes', () => {
    expect(qrPng('https://esim-guide.example/zh-hant/pitfalls/').png.length).toBeLessThan(450);
  });
});
