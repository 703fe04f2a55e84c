/**
 * `tsx tools/icons/draw.ts`: draws the extension's icon at 16, 32, 48 and 128 px into
 * `extension/public/icon/` (WXT copies that folder into every build; extension/wxt.config.ts names
 * the files in the manifest). Pure code, no image library or browser: the PNGs are committed, and
 * this script is how they were made and how to change them.
 *
 * The mark: a leaf-green rounded square holding a white "G" open on its right, where a short bar
 * gathers into its middle ("gom": to gather).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const BACKGROUND: Rgba = [31, 122, 92, 255];
const MARK: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
/** Samples per pixel along each axis: the edges are smoothed by averaging 4 × 4 samples. */
const SAMPLES = 4;

/** What the icon shows at a point of the unit square (0–1 on both axes, y downwards). */
function colourAt(x: number, y: number): Rgba {
  const radius = 0.2;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  if (Math.hypot(x - cx, y - cy) > radius) return CLEAR;
  const dx = x - 0.5;
  const dy = y - 0.5;
  const distance = Math.hypot(dx, dy);
  const angle = Math.atan2(dy, dx);
  // The G's ring, open from a little above the middle on the right to its upper right.
  const onRing = distance >= 0.22 && distance <= 0.33 && !(angle > -Math.PI / 4 && angle < -0.05);
  // Its bar, from the ring's right side into the middle.
  const onBar = dx >= 0 && dx <= 0.33 && dy >= -0.05 && dy <= 0.05;
  return onRing || onBar ? MARK : BACKGROUND;
}

function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const [r, g, b, a] = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          // Colours weighted by their coverage, so a transparent sample does not darken the edge.
          sum[0] = (sum[0] ?? 0) + r * a;
          sum[1] = (sum[1] ?? 0) + g * a;
          sum[2] = (sum[2] ?? 0) + b * a;
          sum[3] = (sum[3] ?? 0) + a;
        }
      }
      const alpha = sum[3] ?? 0;
      const at = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        pixels[at + channel] = alpha === 0 ? 0 : Math.round((sum[channel] ?? 0) / alpha);
      }
      pixels[at + 3] = Math.round(alpha / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A PNG (RFC 2083): 8-bit RGBA, each row behind filter byte 0. */
function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const out = resolve(import.meta.dirname, '../../extension/public/icon');
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(join(out, `${size}.png`), encodePng(size, drawIcon(size)));
  console.log(join(out, `${size}.png`));
}
