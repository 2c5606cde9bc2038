/** canvas.toBlob as a promise; rejects instead of resolving null (a tainted or zero-size canvas). */
export function canvasBlob(canvas: HTMLCanvasElement, type = 'image/png'): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the image.'))), type),
  );
}
