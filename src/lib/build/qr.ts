import qrcode from 'qrcode-generator';
import { crc32, deflateSync } from 'node:zlib';

/** The QR code of `text`: its modules per side and whether each is dark, row by row. */
function modules(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return { size: qr.getModuleCount(), dark: (row, col) => qr.isDark(row, col) };
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A QR code as a 1-bit PNG, one pixel per module with a white quiet zone of `quiet` modules:
 * about 300 bytes, a third of the same code drawn as an SVG path. The page scales it up with
 * `image-rendering: pixelated`, so its edges stay sharp on screen and on paper. Made at build
 * time (`src/pages/[locale]/[...slug]/qr.png.ts`); no script on the page.
 *
 * @example qrPng('https://example.org/en/app/').size // 29 (modules per side, without the quiet zone)
 */
export function qrPng(text: string, quiet = 2): { size: number; width: number; png: Uint8Array<ArrayBuffer> } {
  const { size, dark } = modules(text);
  const width = size + 2 * quiet;
  const stride = Math.ceil(width / 8);
  // Each row: filter type 0 (none), then the pixels, 8 to a byte, most significant first; 1 is white.
  const raw = Buffer.alloc((stride + 1) * width);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const row = y - quiet;
      const col = x - quiet;
      const isDark = row >= 0 && col >= 0 && row < size && col < size && dark(row, col);
      if (!isDark) raw[y * (stride + 1) + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
  return { size, width, png: new Uint8Array(png) };
}
