/**
 * The installed app's icons, drawn here so the build needs no image tool: a capsule, half white
 * and half pale blue, across the clinic's blue. The PNGs (192 and 512 px, the sizes browsers ask a web
 * app manifest for) and the SVG show the same picture.
 */
import { deflateSync } from "node:zlib";

/** The accent blue of app.css (--accent). */
const BLUE = [0x0b, 0x5c, 0xad] as const;

/** The pale half of the capsule. */
const PALE = [0x9e, 0xc5, 0xf0] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

/** The capsule: a segment from (30, 70) to (70, 30) in a 100 x 100 square, drawn 15 wide either side. */
const CAPSULE = { x1: 30, y1: 70, x2: 70, y2: 30, r: 15 };

/** The icon as SVG (any size): the same capsule as the PNGs. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect width="100" height="100" fill="#0b5cad"/>
<line x1="30" y1="70" x2="70" y2="30" stroke="#9ec5f0" stroke-width="30" stroke-linecap="round"/>
<line x1="30" y1="70" x2="36" y2="64" stroke="#ffffff" stroke-width="30" stroke-linecap="round"/>
<line x1="36" y1="64" x2="50" y2="50" stroke="#ffffff" stroke-width="30"/>
</svg>
`;

/** The colour of the pixel at (x, y), in a square of side `size`: as the SVG draws it. */
function pixel(x: number, y: number, size: number): readonly [number, number, number] {
  const u = ((x + 0.5) / size) * 100;
  const v = ((y + 0.5) / size) * 100;
  const { x1, y1, x2, y2, r } = CAPSULE;
  const dx = x2 - x1;
  const dy = y2 - y1;
  // How far along the capsule's axis the nearest point is (0 at one end, 1 at the other).
  const t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
  const inside = (u - x1 - t * dx) ** 2 + (v - y1 - t * dy) ** 2 <= r * r;
  if (!inside) return BLUE;
  return t <= 0.5 ? WHITE : PALE;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks carry it (ISO 3309). */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The icon as an opaque PNG of side `size` (8-bit RGB, no filtering).
 *
 * @example writeFileSync("icon-192.png", iconPng(192));
 */
export function iconPng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    for (let x = 0; x < size; x++) rows.set(pixel(x, y, size), row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
