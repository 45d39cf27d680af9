/**
 * QR codes drawn as vector rectangles in a pdfmake canvas: QRCode.create (npm `qrcode`) gives the
 * module matrix; each horizontal run of dark modules in a row becomes one rectangle. No quiet
 * zone is drawn: the caller keeps at least 4 modules of white around the symbol.
 */
import QRCode from 'qrcode';
import type { CanvasRect } from 'pdfmake/interfaces';

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  dark: (row: number, col: number) => boolean;
}

/** The module matrix of `text` (error correction M: 15% of the symbol may be lost). */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => Boolean(modules.get(row, col)) };
}

/** Dark runs of each row, as [row, firstCol, length]. */
export function darkRuns(m: QrMatrix): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (let row = 0; row < m.size; row++) {
    let col = 0;
    while (col < m.size) {
      if (!m.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < m.size && m.dark(row, col)) col++;
      runs.push([row, start, col - start]);
    }
  }
  return runs;
}

/**
 * The canvas rectangles of the QR symbol of `text`, `symbolSize` pt wide (the symbol itself,
 * without quiet zone), offset by (x, y).
 */
export function qrCanvas(text: string, symbolSize: number, x = 0, y = 0): { rects: CanvasRect[]; moduleSize: number; size: number } {
  const m = qrMatrix(text);
  const moduleSize = symbolSize / m.size;
  const rects: CanvasRect[] = darkRuns(m).map(([row, col, len]) => ({
    type: 'rect',
    x: x + col * moduleSize,
    y: y + row * moduleSize,
    w: len * moduleSize,
    h: moduleSize,
    color: '#000000',
    lineWidth: 0,
  }));
  return { rects, moduleSize, size: m.size };
}
