import { describe, expect, it } from 'vitest';
import { encodePng } from './encodePng';
import { imageSize, looksComplete, tooLargeProblem } from './imageHeader';
import { bmp, gifHeader, gifWithFrame, jpegHeader, pngClaimingSize, truncatedJpeg, truncatedPng, webpHeader } from './testing/fixtures';

describe('imageSize', () => {
  it('reads the PNG IHDR', () => {
    expect(imageSize('png', encodePng(7, 3, 4, new Uint8Array(84)))).toEqual({ width: 7, height: 3 });
    expect(imageSize('png', pngClaimingSize('x.png', 10000, 10000).bytes)).toEqual({ width: 10000, height: 10000 });
  });

  it('walks JPEG segments to the frame header, for baseline and progressive frames', () => {
    expect(imageSize('jpeg', jpegHeader(640, 480))).toEqual({ width: 640, height: 480 });
    expect(imageSize('jpeg', jpegHeader(300, 2000, 0xc2))).toEqual({ width: 300, height: 2000 });
  });

  it('skips fill bytes and a DHT segment (0xc4) that sits in the SOF range', () => {
    const h = jpegHeader(5, 6);
    const dht = Uint8Array.of(0xff, 0xff, 0xc4, 0x00, 0x04, 0x00, 0x00);
    const bytes = new Uint8Array([...h.subarray(0, 20), ...dht, ...h.subarray(20)]);
    expect(imageSize('jpeg', bytes)).toEqual({ width: 5, height: 6 });
  });

  it('gives null for a JPEG that ends before its frame header, or reaches image data first', () => {
    expect(imageSize('jpeg', truncatedJpeg().bytes)).toBeNull();
    const noFrame = Uint8Array.of(0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9);
    expect(imageSize('jpeg', noFrame)).toBeNull();
  });

  it('reads GIF, BMP (also top-down) and the three WebP layouts', () => {
    expect(imageSize('gif', gifHeader(320, 200))).toEqual({ width: 320, height: 200 });
    expect(imageSize('gif', gifWithFrame(320, 200, 16, 16))).toEqual({ width: 320, height: 200 });
    expect(imageSize('bmp', bmp(3, 5))).toEqual({ width: 3, height: 5 });
    expect(imageSize('bmp', bmp(3, -5))).toEqual({ width: 3, height: 5 });
    expect(imageSize('webp', webpHeader('VP8 ', 400, 300))).toEqual({ width: 400, height: 300 });
    expect(imageSize('webp', webpHeader('VP8L', 16383, 2))).toEqual({ width: 16383, height: 2 });
    expect(imageSize('webp', webpHeader('VP8X', 20000, 3))).toEqual({ width: 20000, height: 3 });
  });

  it('takes a GIF frame larger than its logical screen at the frame size, as browsers decode it', () => {
    expect(imageSize('gif', gifWithFrame(1, 1, 60_000, 60_000))).toEqual({ width: 60_000, height: 60_000 });
    expect(imageSize('gif', gifWithFrame(10, 300, 200, 20))).toEqual({ width: 200, height: 300 });
  });

  it('gives null for headers cut short or claiming a zero size', () => {
    expect(imageSize('png', encodePng(2, 2, 1, new Uint8Array(4)).slice(0, 20))).toBeNull();
    expect(imageSize('gif', gifHeader(1, 1).slice(0, 9))).toBeNull();
    expect(imageSize('gif', gifHeader(0, 5))).toBeNull();
    expect(imageSize('bmp', bmp(2, 2).slice(0, 20))).toBeNull();
    expect(imageSize('webp', webpHeader('VP8 ', 4, 4).slice(0, 25))).toBeNull();
  });
});

describe('looksComplete', () => {
  it('needs every PNG chunk to fit, with image data and IEND', () => {
    const good = encodePng(4, 4, 1, new Uint8Array(16));
    expect(looksComplete('png', good, { width: 4, height: 4 })).toBe(true);
    expect(looksComplete('png', truncatedPng().bytes, { width: 24, height: 24 })).toBe(false);
    expect(looksComplete('png', good.slice(0, good.length - 12), { width: 4, height: 4 })).toBe(false);
  });

  it('needs all pixel rows of an uncompressed BMP and the whole WebP RIFF', () => {
    const b = bmp(5, 4);
    expect(looksComplete('bmp', b, { width: 5, height: 4 })).toBe(true);
    expect(looksComplete('bmp', b.slice(0, b.length - 1), { width: 5, height: 4 })).toBe(false);
    const w = webpHeader('VP8L', 2, 2);
    expect(looksComplete('webp', w, { width: 2, height: 2 })).toBe(true);
    expect(looksComplete('webp', w.slice(0, w.length - 1), { width: 2, height: 2 })).toBe(false);
  });
});

describe('tooLargeProblem', () => {
  it('allows up to 40 megapixels and explains the refusal above', () => {
    expect(tooLargeProblem('a.png', { width: 8000, height: 5000 })).toBeNull();
    expect(tooLargeProblem('big/huge.png', { width: 10000, height: 10000 })).toBe(
      'big/huge.png is 10,000 × 10,000 pixels (100 megapixels), over the limit of 40 megapixels — downscale it (a few hundred pixels a side is plenty) and drop it again',
    );
  });
});
