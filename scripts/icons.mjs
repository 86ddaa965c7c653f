// Draws Glider's toolbar icons as PNGs at build time, so the repository
// holds no binary blobs: a rounded blue tile with a white paper glider.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Signed area test: is (px,py) inside triangle abc? */
function inTriangle(px, py, [a, b, c]) {
  const s = (p, q, r) => (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1]);
  const pt = [px, py];
  const d1 = s(pt, a, b);
  const d2 = s(pt, b, c);
  const d3 = s(pt, c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function pixel(x, y) {
  // Unit coordinates with 4x4 supersampling for smooth edges.
  const r = 0.22;
  const inTile = (u, v) => {
    const dx = Math.max(r - u, 0, u - (1 - r));
    const dy = Math.max(r - v, 0, v - (1 - r));
    return dx * dx + dy * dy <= r * r;
  };
  const wing = [
    [0.2, 0.52],
    [0.82, 0.2],
    [0.46, 0.8],
  ];
  const fold = [
    [0.46, 0.58],
    [0.82, 0.2],
    [0.46, 0.8],
  ];
  return [inTile(x, y), inTriangle(x, y, wing), inTriangle(x, y, fold)];
}

function png(size) {
  const rows = [];
  const S = 4;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let tile = 0;
      let wing = 0;
      let fold = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const [t, w, f] = pixel((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          tile += t;
          wing += t && w && !f;
          fold += t && f;
        }
      }
      const n = S * S;
      const blue = [37, 99, 235];
      const white = [255, 255, 255];
      const shade = [191, 219, 254];
      const mix = (c) => Math.round((blue[c] * (tile - wing - fold) + white[c] * wing + shade[c] * fold) / Math.max(tile, 1));
      row.set([mix(0), mix(1), mix(2), Math.round((255 * tile) / n)], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function writeIcons(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 48, 128]) fs.writeFileSync(path.join(dir, `${size}.png`), png(size));
}
