import qrcode from 'qrcode-generator';

/**
 * A QR code as one compact SVG path, stroked one module wide: each run of dark modules in a row
 * is one horizontal line, so a page address costs well under a kilobyte of markup. Made at build time; no script on the page.
 *
 * @example qrPath('https://example.org/en/app/').size // 29 (modules per side, without the quiet zone)
 */
export function qrPath(text: string): { size: number; d: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  // One stroked line per run of dark modules, drawn along the row's middle (y + 0.5) with
  // relative moves: "M0 .5h7m2 0h1" is far shorter than a rectangle per run.
  let d = '';
  for (let row = 0; row < size; row++) {
    let x = 0;
    let started = false;
    for (let col = 0; col < size; col++) {
      if (!qr.isDark(row, col)) continue;
      let end = col;
      while (end + 1 < size && qr.isDark(row, end + 1)) end++;
      d += started ? `m${col - x} 0` : `M${col} ${row}.5`;
      d += `h${end - col + 1}`;
      started = true;
      x = end + 1;
      col = end;
    }
  }
  return { size, d };
}
