import qrcode from 'qrcode-generator';

/**
 * A QR code as one compact SVG path: each run of dark modules in a row is one rectangle, so a
 * page address costs well under a kilobyte of markup. Made at build time; no script on the page.
 *
 * @example qrPath('https://example.org/en/app/').size // 29 (modules per side, without the quiet zone)
 */
export function qrPath(text: string): { size: number; d: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  let d = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.isDark(row, col)) continue;
      let end = col;
      while (end + 1 < size && qr.isDark(row, end + 1)) end++;
      d += `M${col} ${row}h${end - col + 1}v1H${col}z`;
      col = end;
    }
  }
  return { size, d };
}
